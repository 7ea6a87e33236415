// A presenter's keys and the kiosk's clock, as a table of what each does.
import { describe, expect, it } from 'vitest';
import { kioskDue } from '../../src/core/kiosk.ts';
import { pressKey, stepAfter, type PresenterAction } from '../../src/core/presenter-keys.ts';

/** The action of each key in turn, and the digits typed after the last. */
function press(keys: string[]): { actions: (PresenterAction | null)[]; typed: string } {
  let typed = '';
  const actions = keys.map((key) => {
    const pressed = pressKey(key, typed);
    typed = pressed.typed;
    return pressed.action;
  });
  return { actions, typed };
}

/** Whether each key in turn was used, or left to the page. */
function used(keys: string[]): boolean[] {
  let typed = '';
  return keys.map((key) => {
    const pressed = pressKey(key, typed);
    typed = pressed.typed;
    return pressed.used;
  });
}

describe('presenter keys', () => {
  it('moves on with a clicker’s PageDown, the arrows down and right, and Space; back with PageUp, up and left', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown', ' ']) expect(pressKey(key, '').action, key).toEqual({ kind: 'next' });
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp']) expect(pressKey(key, '').action, key).toEqual({ kind: 'previous' });
    expect(press(['Home', 'End', '.', 'b', 'B', 'f', 'r', 'Escape', 'F5']).actions.map((a) => a?.kind)).toEqual([
      'first', 'last', 'blank', 'blank', 'blank', 'fullscreen', 'read', 'exit', 'first',
    ]);
    expect(pressKey('x', '').action).toBeNull();
    expect(pressKey('constructor', '').action).toBeNull();
  });

  it('goes to a step typed as digits and Enter, as slide software does', () => {
    expect(press(['1', '2', 'Enter'])).toEqual({ actions: [null, null, { kind: 'go', step: 12 }], typed: '' });
    expect(press(['7', 'Backspace', '3', 'Enter']).actions.at(-1)).toEqual({ kind: 'go', step: 3 });
    // Esc clears what was typed before it would leave; another key drops the digits and acts.
    expect(press(['4', 'Escape'])).toEqual({ actions: [null, null], typed: '' });
    expect(press(['4', 'PageDown'])).toEqual({ actions: [null, { kind: 'next' }], typed: '' });
    expect(press(['0', 'Enter']).actions.at(-1)).toEqual({ kind: 'next' });
    expect(press(['9', '9', '9', '9']).typed).toBe('999');
    expect(pressKey('Enter', '').action).toEqual({ kind: 'next' });
  });

  it('uses a key only where it does something, and leaves the rest to the page (Esc to close a card)', () => {
    expect(used(['x', 'Backspace', '4', 'Backspace', 'Backspace', 'Escape'])).toEqual([false, false, true, true, false, true]);
    expect(used(['4', 'Escape'])).toEqual([true, true]);
  });

  it('keeps every move within the tour', () => {
    expect(stepAfter({ kind: 'next' }, 5, 5)).toBe(5);
    expect(stepAfter({ kind: 'previous' }, 1, 5)).toBe(1);
    expect(stepAfter({ kind: 'last' }, 1, 5)).toBe(5);
    expect(stepAfter({ kind: 'go', step: 40 }, 1, 5)).toBe(5);
    expect(stepAfter({ kind: 'go', step: 3 }, 1, 5)).toBe(3);
    expect(stepAfter({ kind: 'blank' }, 2, 5)).toBeNull();
  });
});

describe('the kiosk’s clock', () => {
  const timing = { pace: 12, idle: 60 };

  it('advances a step after its pace while no one touches it', () => {
    expect(kioskDue(timing, { shownAt: 1000, touchedAt: null })).toEqual({ action: 'advance', at: 13_000 });
  });

  it('waits, once touched, until the visitor has been idle for the set time, then returns', () => {
    expect(kioskDue(timing, { shownAt: 1000, touchedAt: 5000 })).toEqual({ action: 'return', at: 65_000 });
  });
});
