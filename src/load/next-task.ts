// Work that would hold the page for tens of milliseconds without a GPU (start-up's steps, font
// files, counting what the map drew) is cut into tasks, the page getting its turn between them.
//
// A timer, not `scheduler.yield()`: each step is then a task the one before it started, and tools
// that follow tasks see it so. Lighthouse's simulation links a timer to the task that set it and
// nothing else; from a `scheduler.yield()` on, it took what came after the first picture (the
// font files, the panels' code) for work that could have run before the map's code came, and put
// it there, on the same network.

/** Resolves in a task of its own, after whatever the page has waiting. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
