// The researcher's views, wired: the matrix and the timeline beside the map (`view=…`), and the
// profile under the card of an origin, a partner or a country. Loaded with the explore panels;
// each view lays out one selector of the model and sends its choices back to the store.
import { localDay, viewTableName } from '../core/downloads.ts';
import { figureSubject } from '../core/figure.ts';
import { matrixCsv } from '../core/matrix.ts';
import { insightModel } from '../core/insight-model.ts';
import type { AtlasModel } from '../core/model.ts';
import { sameSelection, type Selection } from '../core/selection.ts';
import { targetsCsv } from '../core/targets.ts';
import type { LinkId } from '../core/types.ts';
import type { Localizer } from '../i18n/localizer.ts';
import '../ui/matrix-view.ts';
import '../ui/profile-view.ts';
import { saveFile } from '../ui/save-file.ts';
import '../ui/timeline-view.ts';
import { bind } from './bind.ts';
import type { Store } from './store.ts';
import { afterNextFrame } from './yield-to-page.ts';

export interface InsightContext {
  store: Store;
  model: AtlasModel;
  loc: () => Localizer;
}

export function wireInsight({ store, model, loc }: InsightContext): void {
  const matrix = document.querySelector('atlas-matrix')!;
  const timeline = document.querySelector('atlas-timeline')!;
  const card = document.querySelector('atlas-card')!;
  const views = insightModel(model);

  bind(store, (s) => s.lang, () => (matrix.loc = timeline.loc = loc()));
  // Each view is laid out while it is shown, and then again only when what it shows changes: laid
  // out hidden at load, the matrix alone was a task of 40–55 ms without a GPU, beside the map's.
  const whileShown =
    <T>(show: (value: T) => void) =>
    (value: T | null) => {
      if (value !== null) show(value);
    };
  bind(store, (s) => (s.view === 'matrix' ? views.matrix(s.filters) : null), whileShown((shown) => (matrix.matrix = shown)));
  bind(store, (s) => (s.view === 'timeline' ? views.timeline(s.filters) : null), whileShown((shown) => (timeline.timeline = shown)));
  // Several years chosen mean the latest of them (the facet keeps what any of them keeps).
  bind(store, (s) => [...s.filters.year].sort().at(-1) ?? null, (year) => (timeline.year = year));
  // A click is answered by the card at once; its profile (a table or charts under the card's count
  // line, the heavier part) follows a frame later. One of another selection goes at once.
  let profiled: Selection | null = null;
  let asked = 0;
  bind(store, (s) => views.profile(s.selection, s.filters), (profile) => {
    const { selection } = store.get();
    if (!sameSelection(selection, profiled)) card.profile = null;
    profiled = selection;
    const mine = ++asked;
    void afterNextFrame().then(() => {
      if (mine === asked) card.profile = profile;
    });
  });

  const csv = (name: string, content: string, host: HTMLElement) => saveFile(name, new Blob([content], { type: 'text/csv;charset=utf-8' }), host.shadowRoot ?? host);
  const subject = () => figureSubject(model.index, store.get().filters, null);

  matrix.addEventListener('matrix-pick', ({ detail: { partner, links } }) => {
    // One tie's link opens its passages; ties through several places open the partner's card.
    const selection: Selection = links.length === 1 ? { kind: 'link', id: links[0] as LinkId } : { kind: 'partner', id: partner.id };
    store.update({ selection });
  });
  matrix.addEventListener('matrix-field', ({ detail: { origin, field } }) => {
    store.update({ filters: { ...store.get().filters, origin: [origin], field: [field] } });
  });
  matrix.addEventListener('matrix-csv', ({ detail }) => csv(viewTableName('matrix', subject(), localDay(new Date())), matrixCsv(detail), matrix));
  for (const view of [matrix, timeline]) view.addEventListener('view-close', () => store.update({ view: 'map' }));
  timeline.addEventListener('timeline-year', ({ detail: year }) => {
    store.update({ filters: { ...store.get().filters, year: year === null ? [] : [year] } });
  });
  card.addEventListener('targets-csv', ({ detail: origin }) => {
    const targets = model.atlas.targets.filter((target) => target.origin === origin);
    csv(viewTableName('targets', origin, localDay(new Date())), targetsCsv(targets), card);
  });
}
