// The kiosk's clock, apart from timers: given the last step change and the last touch, what is
// due next and when. The app sets one timer for it and asks again after every event.
import type { KioskTiming } from './view-state.ts';

export interface KioskClock {
  /** When the step on screen was shown, in ms. */
  shownAt: number;
  /** When a visitor last touched, clicked or typed, in ms; null while the tour plays on its own. */
  touchedAt: number | null;
}

/** `advance`: the next step, round to the first; `return`: back to the tour, the visitor gone. */
interface KioskDue {
  action: 'advance' | 'return';
  at: number;
}

export function kioskDue(timing: KioskTiming, clock: KioskClock): KioskDue {
  return clock.touchedAt === null
    ? { action: 'advance', at: clock.shownAt + timing.pace * 1000 }
    : { action: 'return', at: clock.touchedAt + timing.idle * 1000 };
}
