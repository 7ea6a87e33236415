// A tour: an ordered list of steps kept as data (public/tours/<id>.json). Each step sets a view
// of the atlas, written as the atlas's own link (so a view can be copied from the address bar
// into a tour), says in three languages what it shows, and cites the passage behind it.
//
// A tour file is checked where it enters, in two passes: its shape against the schema below, then
// every view through the URL codec and every citation against the dataset. Problems come back as
// codes with values, which the interface words in the reader's language (tour.problem.* and
// tour.where.* in src/i18n/messages.ts).
import * as v from 'valibot';
import { NO_FILTERS } from './filters.ts';
import type { Language } from './languages.ts';
import type { AtlasModel } from './model.ts';
import type { MapSummary } from './summary.ts';
import type { Tie } from './tie.ts';
import { parseViewState, type Notice } from './url-state.ts';
import { DEFAULT_VIEW, type ViewState } from './view-state.ts';

/** What a step sets: the rest of the view (language, reader, mode) stays the viewer's. */
export type StepView = Pick<ViewState, 'filters' | 'selection' | 'projection' | 'camera'>;

/** The link parameters a step's view may use: those of StepView. */
export const STEP_PARAMS = ['origin', 'field', 'mode', 'kind', 'group', 'doc', 'sel', 'proj', 'cam'] as const;

export type Captions = Record<Language, string>;

export interface TourStep {
  view: StepView;
  caption: Captions;
  /** The tie whose passage the step cites: its document, date and quote. */
  cite: Tie;
}

export interface Tour {
  id: string;
  title: Captions;
  steps: TourStep[];
}

/**
 * Room for a caption read from five metres: two lines of a slim bar at 28 px and more. Chinese
 * takes about half the width of English per idea.
 */
export const CAPTION_LIMITS: Record<Language, number> = { 'zh-Hans': 80, 'zh-Hant': 80, en: 200 };

const caption = (lang: Language) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(CAPTION_LIMITS[lang]));
const captions = v.strictObject({ 'zh-Hans': caption('zh-Hans'), 'zh-Hant': caption('zh-Hant'), en: caption('en') });

const passageOffset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The shape of a tour file. */
const TourFileSchema = v.strictObject({
  id: v.string(),
  title: captions,
  steps: v.pipe(
    v.array(
      v.strictObject({
        /** A query string in the atlas's link format, limited to STEP_PARAMS; empty for every tie. */
        view: v.string(),
        caption: captions,
        cite: v.strictObject({ doc: v.string(), start: passageOffset, end: passageOffset }),
      }),
    ),
    v.minLength(1),
  ),
});

export type TourProblemCode =
  | 'missing'
  | 'load'
  | 'json'
  | `shape.${'missing' | 'unknown' | 'type' | 'long' | 'empty'}`
  | 'id'
  | 'view.param'
  | 'view.value'
  | 'cite.missing'
  | 'cite.hidden';

/**
 * Why a tour cannot be played. Problems of the file's shape name where: `step` (from 1; 0 for
 * the file's own fields) and `field` (caption.en). A problem of a step's view carries the link
 * codec's own notice.
 */
export interface TourProblem {
  code: TourProblemCode;
  values: Readonly<Record<string, string | number>>;
  notice?: Notice;
}

export type ParsedTour = { ok: true; tour: Tour } | { ok: false; problem: TourProblem };

const fail = (code: TourProblemCode, values: TourProblem['values'] = {}, notice?: Notice): ParsedTour => ({
  ok: false,
  problem: { code, values, ...(notice ? { notice } : {}) },
});

/** The first thing wrong with the file's shape, as a code and where it is. */
function shapeProblem(issue: v.BaseIssue<unknown>): ParsedTour {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const inStep = keys[0] === 'steps' && keys.length > 1;
  const where = { step: inStep ? Number(keys[1]) + 1 : 0, field: (inStep ? keys.slice(2) : keys).join('.') };
  if (issue.type === 'strict_object' && issue.expected === 'never') return fail('shape.unknown', where);
  if (issue.received === 'undefined') return fail('shape.missing', where);
  if (issue.type === 'max_length') return fail('shape.long', { ...where, max: Number(issue.requirement) });
  if (issue.type === 'min_length') return fail('shape.empty', where);
  return fail('shape.type', { ...where, expected: issue.expected ?? '' });
}

/** Reads a tour file: the tour, or the first problem found (in the order an author would fix them). */
export function parseTour(json: string, id: string, model: AtlasModel): ParsedTour {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('json');
  }
  const shaped = v.safeParse(TourFileSchema, data);
  if (!shaped.success) return shapeProblem(shaped.issues[0]);
  const file = shaped.output;
  if (file.id !== id) return fail('id', { id: file.id });

  const steps: TourStep[] = [];
  for (const [i, raw] of file.steps.entries()) {
    const step = i + 1;
    const params = new URLSearchParams(raw.view);
    const stray = [...params.keys()].find((key) => !(STEP_PARAMS as readonly string[]).includes(key));
    if (stray !== undefined) return fail('view.param', { step, param: stray });
    const { state, notices } = parseViewState(raw.view, model.atlas);
    if (notices[0]) return fail('view.value', { step }, notices[0]);
    if (state.mode !== 'explore') return fail('view.param', { step, param: 'mode' });
    const view: StepView = { filters: state.filters, selection: state.selection, projection: state.projection, camera: state.camera };

    const sameCite = (tie: Tie) => tie.evidence.doc === raw.cite.doc && tie.evidence.start === raw.cite.start && tie.evidence.end === raw.cite.end;
    const cite = model.tableRows(NO_FILTERS).find(sameCite);
    if (!cite) return fail('cite.missing', { step, passage: `${raw.cite.doc}:${raw.cite.start}-${raw.cite.end}` });
    // The passage must be behind what the step shows: a tie the step's filters keep.
    if (!model.tableRows(view.filters).some(sameCite)) return fail('cite.hidden', { step });
    steps.push({ view, caption: raw.caption, cite });
  }
  return { ok: true, tour: { id: file.id, title: file.title, steps } };
}

/**
 * Whether a link sets a view of its own besides its tour step. A link the app wrote carries the
 * step's view, and whatever the viewer changed after; a hand-written `?tour=default&step=3`
 * carries none, and opens the step as the tour has it. Read from what the link codec kept: a
 * value it dropped sets nothing.
 */
export const setsView = ({ filters, selection, projection, camera }: StepView): boolean =>
  Object.values(filters).some((values) => values.length > 0) || selection !== null || projection !== DEFAULT_VIEW.projection || camera !== null;

/** A link's step within the tour: past the last, the last, with a notice saying so. */
export function stepWithin(tour: Tour, step: number): { step: number; notice: Notice | null } {
  if (step <= tour.steps.length) return { step, notice: null };
  const count = tour.steps.length;
  return { step: count, notice: { param: 'step', value: String(step), reason: { code: 'step.range', values: { count } } } };
}

/** What the step bar shows: the tour, where it is, the step's caption and its citation, and the counts of the view. */
export interface StepBar {
  title: Captions;
  step: number;
  count: number;
  caption: Captions;
  cite: Tie;
  ties: number;
  partners: number;
}

export const stepBar = (tour: Tour, step: number, summary: MapSummary): StepBar => ({
  title: tour.title,
  step,
  count: tour.steps.length,
  caption: tour.steps[step - 1]!.caption,
  cite: tour.steps[step - 1]!.cite,
  ties: summary.ties,
  partners: summary.partners,
});

/** The next step, going round from the last to the first (as a kiosk does). */
export const nextStep = (tour: Tour, step: number): number => (step >= tour.steps.length ? 1 : step + 1);
