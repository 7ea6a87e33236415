// What the researcher's views ask of the atlas beyond the model: the matrices, the timeline and
// the profiles, each a memoised selector of the view state. Made by their own code
// (app/insight.ts), which is loaded after the first picture.
import { FACETS, type Filters } from './filters.ts';
import { matrixOf, type Matrix, type MatrixOrder } from './matrix.ts';
import { memoLast } from './memo.ts';
import type { AtlasModel } from './model.ts';
import { originProfile, partnerProfile, type Profile } from './profiles.ts';
import { sameSelection, type Selection } from './selection.ts';
import { timelineOf, type Timeline } from './timeline.ts';

const YEAR_BIT = 1 << FACETS.indexOf('year');

export interface InsightModel {
  /** The partner × origin and field × origin matrices of the kept ties, in either order. */
  matrix(filters: Filters): Record<MatrixOrder, Matrix>;
  /** The documents by date and what each added, among the ties the filters other than the year keep. */
  timeline(filters: Filters): Timeline;
  /** The profile of a selected origin, partner or country, from the kept ties; null for other selections. */
  profile(selection: Selection | null, filters: Filters): Profile | null;
}

export function insightModel({ atlas, index, ordered, kept, tableRows }: AtlasModel): InsightModel {
  const profileOf = memoLast(
    ({ selection, filters }: { selection: Selection | null; filters: Filters }): Profile | null => {
      if (!selection) return null;
      const rows = tableRows(filters);
      if (selection.kind === 'origin') return originProfile(index, rows, selection.id);
      if (selection.kind === 'partner') return partnerProfile(rows, (partner) => partner.id === selection.id);
      if (selection.kind === 'country') return partnerProfile(rows, (partner) => partner.id === selection.iso3 || partner.iso3 === selection.iso3);
      return null;
    },
    (a, b) => a.filters === b.filters && sameSelection(a.selection, b.selection),
  );
  return {
    matrix: memoLast((f: Filters) => ({ count: matrixOf(atlas, tableRows(f), 'count', f.group), shared: matrixOf(atlas, tableRows(f), 'shared', f.group) })),
    timeline: memoLast((f: Filters) => {
      // The ties every filter but the year keeps: those failing no facet, or the year's alone.
      const { failed } = kept(f);
      return timelineOf(index, ordered.filter((tie) => (failed[tie.n]! & ~YEAR_BIT) === 0));
    }),
    profile: (selection, filters) => profileOf({ selection, filters }),
  };
}
