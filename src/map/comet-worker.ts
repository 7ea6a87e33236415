// The comets' worker: draws them on the canvas the page hands it (map/flow-overlay.ts), so that
// neither their drawing nor their frames' hand-over to the compositor takes the main thread.
//
// Typed with local declarations rather than the webworker library, as the service worker is: the
// project's one TypeScript program includes the DOM library, and the two declare the same globals.
import { cometPainter, type CometMessage, type CometPainter } from './comet-painter.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<CometMessage>) => void): void;
  requestAnimationFrame?: (callback: (now: number) => void) => number;
}
declare const self: WorkerScope;

// Workers draw at the display's rate where the browser gives them animation frames (Chromium,
// Firefox); elsewhere at about 60 a second, which the painter thins to its own rate.
const requestFrame = self.requestAnimationFrame
  ? (callback: (now: number) => void) => self.requestAnimationFrame!(callback)
  : (callback: (now: number) => void) => setTimeout(() => callback(performance.now()), 16) as unknown as number;

let painter: CometPainter | null = null;
self.addEventListener('message', ({ data }) => {
  if ('canvas' in data) painter = cometPainter(data.canvas, requestFrame);
  else if ('scene' in data) painter?.setScene(data.scene);
  else painter?.setPlaying(data.playing);
});
