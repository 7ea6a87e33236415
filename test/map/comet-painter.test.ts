// The comets' painter (map/comet-painter.ts) on a scene made by hand: where a comet is drawn at a
// given time, how often frames are drawn while playing and paused, and what it leaves out. A
// canvas context that records what it is asked to draw stands in for the browser's: the browser
// tests (atlas.test.ts) watch the real one, in the comets' worker.
import { describe, expect, it } from 'vitest';
import { CometPainter, type CometScene } from '../../src/map/comet-painter.ts';

const WUHAN = '#d95f02';

/**
 * One track running east along y = 100, a vertex every 10 px and every degree: 0 to 280 px, 28
 * degrees long, one comet 9 degrees long. `hidden` marks vertices behind the globe.
 */
function scene({ copies = [0, 0], hidden = [] as number[], width = 400 } = {}): CometScene {
  const n = 29;
  const x = Float32Array.from({ length: n }, (_, i) => i * 10);
  return {
    width,
    height: 200,
    ratio: 2,
    copies: Float64Array.from(copies),
    start: Uint32Array.from([0, n]),
    comets: Uint16Array.from([1]),
    lineWidth: Float32Array.from([4]),
    colour: Uint8Array.from([0]),
    x,
    y: new Float32Array(n).fill(100),
    hidden: Uint8Array.from({ length: n }, (_, i) => (hidden.includes(i) ? 1 : 0)),
    along: Float32Array.from({ length: n }, (_, i) => i),
    colours: [WUHAN],
    heads: ['#ecaf80'],
  };
}

/** A painter on a recording context, its frames run by hand at chosen times. */
function painter() {
  const calls: string[] = [];
  const context = {
    lineCap: 'butt',
    lineWidth: 1,
    fillStyle: '',
    strokeStyle: '' as unknown,
    setTransform: (a: number) => calls.push(`scale ${a}`),
    clearRect: (_x: number, _y: number, w: number, h: number) => calls.push(`clear ${w}×${h}`),
    createLinearGradient: (x0: number, y0: number, x1: number, y1: number) => {
      const stops: string[] = [];
      return { addColorStop: (at: number, colour: string) => stops.push(`${at} ${colour}`), toString: () => `gradient ${x0},${y0}→${x1},${y1} ${stops.join(' ')}` };
    },
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
    stroke: () => calls.push(`stroke ${String(context.strokeStyle)} ${context.lineWidth}`),
    arc: (x: number, y: number, r: number) => calls.push(`arc ${x},${y} r${r.toFixed(1)}`),
    fill: () => calls.push(`fill ${context.fillStyle}`),
  };
  const canvas = { width: 0, height: 0 };
  const frames: ((now: number) => void)[] = [];
  let time = 0;
  const comets = new CometPainter(canvas, context as unknown as CanvasRenderingContext2D, (callback) => frames.push(callback), () => time);
  /** Runs the display frame due at `now`, if one was asked for; the calls it made. */
  const frameAt = (now: number): string[] => {
    time = now;
    calls.length = 0;
    frames.splice(0).forEach((frame) => frame(now));
    return [...calls];
  };
  return { comets, canvas, frameAt, pending: () => frames.length };
}

describe('the comets painter', () => {
  it('draws a scene at its scale, each comet a tail fading from clear to its colour and a lighter head', () => {
    const { comets, canvas, frameAt } = painter();
    comets.setScene(scene());
    // Half a period in (2600 ms): the head is half way along, 14 degrees; the tail reaches 9 back.
    comets.setPlaying(true);
    expect(frameAt(1300)).toEqual([
      'scale 2',
      'clear 400×200',
      'M50,100', 'L72.5,100', 'L95,100', 'L117.5,100', 'L140,100',
      `stroke gradient 50,100→140,100 0 ${WUHAN}00 1 ${WUHAN} 4`,
      'arc 140,100 r1.8',
      'fill #ecaf80',
    ]);
    // The canvas holds the scene's size in its own pixels.
    expect(canvas).toEqual({ width: 800, height: 400 });
  });

  it('draws 30 frames a second while playing, whatever the display’s rate', () => {
    const { comets, frameAt } = painter();
    comets.setScene(scene());
    comets.setPlaying(true);
    const drawn = [0, 16.7, 33.3, 50, 66.7, 83.3, 100, 116.7, 133.3].filter((now) => frameAt(now).length > 0);
    expect(drawn).toEqual([0, 33.3, 66.7, 100, 133.3]);
  });

  it('stops when paused, the comets staying where they were, and follows a new scene even so', () => {
    const { comets, frameAt, pending } = painter();
    comets.setScene(scene());
    comets.setPlaying(true);
    frameAt(1300);
    comets.setPlaying(false);
    expect(frameAt(1400)).toEqual([]);
    expect(pending()).toBe(0);
    // The map moved 100 px under the paused comets: drawn once there, at the same place on the track.
    comets.setScene(scene({ copies: [100, 0] }));
    expect(frameAt(5000)).toContain('L240,100');
    expect(pending()).toBe(0);
    // Played again, they go on from where they stopped: a quarter period on, the head is 21 degrees along.
    comets.setPlaying(true);
    expect(frameAt(5000 + 650)).toContain('arc 310,100 r1.8');
  });

  it('leaves out a comet whose tail crosses behind the globe, and one off the screen', () => {
    const { comets, frameAt } = painter();
    comets.setPlaying(true);
    comets.setScene(scene({ hidden: [10] }));
    expect(frameAt(1300).filter((call) => call.startsWith('arc'))).toEqual([]);
    comets.setScene(scene({ hidden: [20] }));
    expect(frameAt(1300 + 2600).filter((call) => call.startsWith('arc'))).toEqual(['arc 140,100 r1.8']);
    // On a flat map the comet shows on each copy of the world in view, and not on those beyond it.
    comets.setScene(scene({ copies: [-300, 0, 0, 0, 300, 0], width: 400 }));
    expect(frameAt(1300 + 5200).filter((call) => call.startsWith('arc'))).toEqual(['arc 140,100 r1.8']);
    comets.setScene(scene({ copies: [-100, 0, 0, 0, 200, 0], width: 400 }));
    expect(frameAt(1300 + 7800).filter((call) => call.startsWith('arc'))).toEqual(['arc 40,100 r1.8', 'arc 140,100 r1.8', 'arc 340,100 r1.8']);
  });
});
