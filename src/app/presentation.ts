// Tours, presentation mode and the kiosk, in a chunk of their own: loaded before the first picture
// when a link asks for a tour, or when the header's Present is pressed; an explorer who does
// neither never loads them.
import type { Language } from '../core/languages.ts';
import { runKiosk } from './kiosk.ts';
import { listenToPresenter, showRoom } from './presenter.ts';
import { TourPlayer, type PlayerWiring } from './tour-player.ts';

export { openWithTour } from './tour-player.ts';

export interface Presentation {
  player: TourPlayer;
  /** Starts the presenter's keys and the kiosk's clock: once the link's view is all applied. */
  listen(): void;
}

export function wirePresentation(wiring: PlayerWiring & { setLanguage(lang: Language): void }): Presentation {
  const { store, map, notices, openReader, setLanguage } = wiring;
  const player = new TourPlayer(wiring);
  showRoom(store, map);
  return {
    player,
    listen: () => {
      listenToPresenter({ store, player, openReader });
      runKiosk(store, player, notices, setLanguage);
    },
  };
}
