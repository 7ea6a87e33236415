// The comets' drawing and clock, apart from the map: given the links' paths on screen (a comet
// scene, which the flow overlay projects from the map's camera), it runs comets from each link's
// start to its partner on a 2D canvas, 30 frames a second while playing. It touches no DOM and no
// map, so that it can run in a worker on an OffscreenCanvas (map/comet-worker.ts): there each
// frame's drawing and its hand-over to the compositor leave the main thread to the map, the
// panels and the pointer. Where the browser cannot hand a canvas to a worker, the flow overlay
// runs it on the page's own canvas.

/** Time for a comet to travel from one to the next along a link, in milliseconds. */
const PERIOD = 2600;
/** A comet's length in degrees, at most a third of its link. */
const LENGTH = 9;
const TAIL_POINTS = 5;
/**
 * The comets advance 30 times a second, not at the display's rate: they move slowly and
 * steadily, and every new overlay frame is composited over the whole map (in software where
 * there is no GPU), on cores the map and the panels need.
 */
export const COMET_FPS = 30;
const COMET_FRAME_MS = 1000 / COMET_FPS;
/** Slack for the display's frame times, which jitter around their period. */
const FRAME_SLACK_MS = 2;

/**
 * The comets' tracks on screen for one camera, packed into a few arrays that a worker receives
 * without copying (map/flow-overlay.ts). Track i's vertices are `start[i]` to `start[i + 1]` (less
 * one) of the vertex arrays.
 */
export interface CometScene {
  /** The canvas's size in CSS pixels, and canvas pixels to the CSS pixel. */
  width: number;
  height: number;
  ratio: number;
  /** Where each copy of the world in view lies, as [dx, dy] pairs: a flat map repeats it sideways. */
  copies: Float64Array;
  /** Per track: its first vertex, its comets, its line width (CSS pixels) and its colour (an index into colours). */
  start: Uint32Array;
  comets: Uint16Array;
  lineWidth: Float32Array;
  colour: Uint8Array;
  /** Per vertex: its place on screen, whether it lies behind the globe, and its distance along the track in degrees. */
  x: Float32Array;
  y: Float32Array;
  hidden: Uint8Array;
  along: Float32Array;
  /** The colours in use, `#rrggbb`, and the lighter colour of each one's head. */
  colours: string[];
  heads: string[];
}

/** What the page sends the comets' worker: first its canvas, then scenes and play or pause. */
export type CometMessage = { canvas: OffscreenCanvas } | { scene: CometScene } | { playing: boolean };

/** What the painter needs of a canvas: an HTMLCanvasElement or an OffscreenCanvas. */
export interface CometCanvas {
  width: number;
  height: number;
}
export type CometContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The index of the segment of `along` (cumulative lengths) from `first` to `last` that holds `distance`. */
function segmentAt(along: Float32Array, first: number, last: number, distance: number): number {
  let low = first + 1;
  let high = last;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (along[middle]! < distance) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class CometPainter {
  private scene: CometScene | null = null;
  private playing = false;
  /** Where the comets are, 0–1 of the way to the next; frozen while paused. */
  private phase = 0;
  private startedAt = 0;
  private frame = 0;
  private drawnAt = -Infinity;
  /** Whether the next frame must be drawn whatever the time: the scene changed. */
  private stale = false;
  /** One comet's tail on screen, reused from comet to comet: a frame makes little garbage. */
  private readonly tailX = new Float64Array(TAIL_POINTS);
  private readonly tailY = new Float64Array(TAIL_POINTS);

  constructor(
    private readonly canvas: CometCanvas,
    private readonly context: CometContext,
    private readonly requestFrame: (callback: (now: number) => void) => number,
    private readonly now: () => number,
  ) {}

  /** Draws the comets over this scene from the next frame: the camera, the size or the tracks changed. */
  setScene(scene: CometScene): void {
    this.scene = scene;
    this.stale = true;
    this.requestDraw();
  }

  /** Runs or stops the comets; stopped, they stay where they are. */
  setPlaying(playing: boolean): void {
    if (playing === this.playing) return;
    this.playing = playing;
    // Paused, the comets stay as last drawn; played, they go on from there.
    this.startedAt = this.now() - this.phase * PERIOD;
    this.requestDraw();
  }

  private requestDraw(): void {
    this.frame ||= this.requestFrame((now) => {
      this.frame = 0;
      const due = this.playing && now - this.drawnAt > COMET_FRAME_MS - FRAME_SLACK_MS;
      if (this.scene && (this.stale || due)) {
        this.stale = false;
        this.drawnAt = now;
        this.draw(this.scene);
      }
      if (this.playing) this.requestDraw();
    });
  }

  /** Puts the comet's tail (ending `head` degrees along the track, `length` long) into tailX/tailY; false when part of it is behind the globe. */
  private tail({ x, y, hidden, along }: CometScene, first: number, last: number, head: number, length: number): boolean {
    for (let i = 0; i < TAIL_POINTS; i++) {
      const distance = Math.max(0, head - length * (1 - i / (TAIL_POINTS - 1)));
      const segment = segmentAt(along, first, last, distance);
      if (hidden[segment - 1] || hidden[segment]) return false;
      const t = (distance - along[segment - 1]!) / (along[segment]! - along[segment - 1]! || 1);
      this.tailX[i] = x[segment - 1]! + (x[segment]! - x[segment - 1]!) * t;
      this.tailY[i] = y[segment - 1]! + (y[segment]! - y[segment - 1]!) * t;
    }
    return true;
  }

  private draw(scene: CometScene): void {
    if (this.playing) this.phase = ((this.now() - this.startedAt) % PERIOD) / PERIOD;
    const { canvas, context, tailX, tailY } = this;
    const { width, height, ratio, copies, start, comets, lineWidth, colour, along, colours, heads } = scene;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.lineCap = 'round';
    const last = TAIL_POINTS - 1;
    for (let track = 0; track + 1 < start.length; track++) {
      const first = start[track]!;
      const end = start[track + 1]! - 1;
      const total = along[end]!;
      const length = Math.min(LENGTH, total / 3);
      const count = comets[track]!;
      const tone = colours[colour[track]!]!;
      context.lineWidth = lineWidth[track]!;
      context.fillStyle = heads[colour[track]!]!;
      for (let comet = 0; comet < count; comet++) {
        const head = ((this.phase + comet / count) % 1) * total;
        if (!this.tail(scene, first, end, head, length)) continue;
        for (let copy = 0; copy < copies.length; copy += 2) {
          const dx = copies[copy]!;
          const dy = copies[copy + 1]!;
          const tipX = tailX[last]! + dx;
          const tipY = tailY[last]! + dy;
          if (tipX < -20 || tipX > width + 20 || tipY < -20 || tipY > height + 20) continue;
          const gradient = context.createLinearGradient(tailX[0]! + dx, tailY[0]! + dy, tipX, tipY);
          gradient.addColorStop(0, `${tone}00`);
          gradient.addColorStop(1, tone);
          context.strokeStyle = gradient;
          context.beginPath();
          context.moveTo(tailX[0]! + dx, tailY[0]! + dy);
          for (let p = 1; p < TAIL_POINTS; p++) context.lineTo(tailX[p]! + dx, tailY[p]! + dy);
          context.stroke();
          context.beginPath();
          context.arc(tipX, tipY, lineWidth[track]! * 0.45, 0, 2 * Math.PI);
          context.fill();
        }
      }
    }
  }
}

/** A painter on `canvas` (the page's or a worker's), on the clock of `performance.now()`. */
export function cometPainter(canvas: HTMLCanvasElement | OffscreenCanvas, requestFrame: (callback: (now: number) => void) => number): CometPainter {
  // In main memory: where the browser composites without a GPU, a GPU canvas would be read back
  // every frame, and that readback costs more than all the drawing.
  const context = canvas.getContext('2d', { willReadFrequently: true }) as CometContext;
  return new CometPainter(canvas, context, requestFrame, () => performance.now());
}
