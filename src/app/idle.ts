// Work that may wait for a pause: it runs when the page is idle (where the browser says so, at
// the latest after `timeout` milliseconds), not in the task of the click or key that caused it.

/** Runs `task` once the page is idle, or after `timeout` ms at the latest. */
export function whenIdle(task: () => void, timeout: number): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout });
  else setTimeout(task, Math.min(timeout, 50));
}

/** A function that runs `task` when the page is next idle; calls made before it has run ask for one run. */
export function idleOnce(task: () => void, timeout: number): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    whenIdle(() => {
      asked = false;
      task();
    }, timeout);
  };
}
