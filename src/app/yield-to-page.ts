// Start-up's steps (reading the maps, making the model and the features, creating the map) are
// each tens of milliseconds, and well over a hundred together on a slow machine: run as one task,
// they would hold the page that long, a click or a key waiting behind them. Between steps the
// page gets its turn (see load/next-task.ts).
export { nextTask as yieldToPage } from '../load/next-task.ts';

/** Resolves once the browser has drawn its next frame: what comes after is not part of that frame's work. */
export function afterNextFrame(): Promise<void> {
  // An animation frame's callbacks run before its rendering; a task queued from one runs after it.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
