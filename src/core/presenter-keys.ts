// What a presenter's keys do. Clickers send PageDown and PageUp (some also B or "." to blank the
// screen, F5 or Esc to start and stop: F5, which would reload the page, goes to the first step);
// keyboards add the arrows, Space, Home and End. A step is
// reached by number as in slide software: its digits, then Enter.

export type PresenterAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'go'; step: number }
  | { kind: 'blank' }
  | { kind: 'read' }
  | { kind: 'fullscreen' }
  | { kind: 'exit' };

/** The digits typed so far towards a step number; none between jumps. */
type Typed = string;

const KEYS: Record<string, PresenterAction['kind']> = {
  PageDown: 'next',
  ArrowRight: 'next',
  ArrowDown: 'next',
  ' ': 'next',
  PageUp: 'previous',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  F5: 'first',
  End: 'last',
  '.': 'blank',
  b: 'blank',
  B: 'blank',
  r: 'read',
  R: 'read',
  f: 'fullscreen',
  F: 'fullscreen',
  Escape: 'exit',
};

/** Longest step number that can be typed: tours have tens of steps, not thousands. */
const MAX_DIGITS = 3;

/**
 * What `key` does after `typed`: an action (or none), the digits typed from now on, and whether
 * the key was used at all (else it is left to the rest of the page). Digits gather; Enter goes
 * to their step (or on, with none typed); Backspace takes one back; Esc clears them before it
 * would leave; any other key drops them.
 */
export function pressKey(key: string, typed: Typed): { action: PresenterAction | null; typed: Typed; used: boolean } {
  const result = (action: PresenterAction | null, next: Typed) => ({ action, typed: next, used: action !== null || next !== typed });
  if (/^[0-9]$/.test(key)) return result(null, (typed + key).slice(-MAX_DIGITS));
  if (key === 'Backspace') return result(null, typed.slice(0, -1));
  if (key === 'Enter') {
    const step = Number(typed);
    return result(typed !== '' && step > 0 ? { kind: 'go', step } : { kind: 'next' }, '');
  }
  if (key === 'Escape' && typed !== '') return result(null, '');
  const kind = Object.hasOwn(KEYS, key) ? KEYS[key]! : null;
  return result(kind === null ? null : ({ kind } as PresenterAction), '');
}

/** The step an action leads to in a tour of `count` steps, from `step` (both from 1); null for none. */
export function stepAfter(action: PresenterAction, step: number, count: number): number | null {
  switch (action.kind) {
    case 'next': return Math.min(step + 1, count);
    case 'previous': return Math.max(step - 1, 1);
    case 'first': return 1;
    case 'last': return count;
    case 'go': return Math.min(Math.max(action.step, 1), count);
    default: return null;
  }
}
