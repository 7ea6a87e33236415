// Start-up's steps (reading the maps, making the model and the features, creating the map) are
// each tens of milliseconds, and well over a hundred together on a slow machine: run as one task,
// they would hold the page that long, a click or a key waiting behind them. Between steps the
// page gets its turn.
//
// A timer, not `scheduler.yield()`: each step is then a task the one before it started, and tools
// that follow tasks see it so. Lighthouse's simulation links a timer to the task that set it and
// nothing else; from a `scheduler.yield()` on, it took what came after the first picture (the
// font files, the panels' code) for work that could have run before the map's code came, and put
// it there, on the same network.

/** Resolves in a task of its own, after whatever the page has waiting. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the browser has drawn its next frame, its layout included: what is shown before
 * and what is shown after are laid out in different frames, each a shorter task.
 */
export function afterNextFrame(): Promise<void> {
  // An animation frame's callbacks run before its layout; a task queued from one runs after it.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
