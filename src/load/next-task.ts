// Work that would hold the page for tens of milliseconds without a GPU (start-up's steps, font
// files, measuring the labels) is cut into tasks, the page getting its turn between them.
//
// A timer, not `scheduler.yield()`: each step is then a task the one before it started, and tools
// that follow tasks see it so. Lighthouse's simulation links a timer to the task that set it and
// nothing else; from a `scheduler.yield()` on, it took what came after the first picture (the
// font files, the panels' code) for work that could have run before the map's code came, and put
// it there, on the same network.

/** Resolves in a task of its own, after whatever the page has waiting. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * How long one task of inSlices runs before the page gets its turn. Fixed counts were too many
 * on a busy machine: 60 label texts, some 10 ms when idle, took 55 ms beside the map's last
 * frames; asking for 30-odd font files took 25 ms.
 */
const SLICE_MS = 8;

/** Runs `step` on each item, the page getting its turn whenever a task has run SLICE_MS. */
export async function inSlices<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
  let until = performance.now() + SLICE_MS;
  for (const item of items) {
    if (performance.now() > until) {
      await nextTask();
      until = performance.now() + SLICE_MS;
    }
    step(item);
  }
}
