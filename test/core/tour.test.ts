// Tours as data: the shipped tour is valid, cites exact passages behind what each step shows, and
// every way a tour file can be wrong is reported as a problem the interface words in each language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';
import { decodeSeed } from '../../src/extract/text.ts';
import { NO_FILTERS } from '../../src/core/filters.ts';
import { atlasModel } from '../../src/core/model.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { CAPTION_LIMITS, nextStep, parseTour, setsView, stepBar, stepWithin, type Tour, type TourProblem } from '../../src/core/tour.ts';
import { parseViewState } from '../../src/core/url-state.ts';
import { LANGUAGES } from '../../src/core/languages.ts';
import { localizer } from '../../src/i18n/localizer.ts';
import { tourProblemText } from '../../src/ui/notice-text.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const model = atlasModel(parsed.atlas);
const shipped = readFileSync('public/tours/default.json', 'utf8');
const file = JSON.parse(shipped);

/** The shipped tour with one change made to a copy of its file. */
const broken = (change: (copy: typeof file) => void) => {
  const copy = structuredClone(file);
  change(copy);
  return parseTour(JSON.stringify(copy), 'default', model);
};

const tourOf = (result: ReturnType<typeof parseTour>): Tour => {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.tour;
};

describe('the default tour', () => {
  const tour = tourOf(parseTour(shipped, 'default', model));

  it('tells the story of the four plans: each origin has a step of its own, and one step shows them all', () => {
    const origins = tour.steps.map((step) => step.view.filters.origin.join(',') || step.view.filters.doc.map((doc) => parsed.atlas.documents.find((d) => d.id === doc)!.origin).join(','));
    for (const origin of ['wuhan', 'cangzhou', 'shandong', 'yunnan']) expect(origins).toContain(origin);
    expect(tour.steps.some((step) => Object.values(step.view.filters).every((values) => values.length === 0))).toBe(true);
  });

  it('cites, at every step, a passage that is an exact slice of its seed and a tie the step shows', () => {
    for (const [i, step] of tour.steps.entries()) {
      const { document, evidence } = step.cite;
      const text = decodeSeed(document.file, readFileSync(join('seeds', document.file)));
      expect(text.slice(evidence.start, evidence.end), `step ${i + 1}`).toBe(evidence.quote);
      expect(model.tableRows(step.view.filters)).toContain(step.cite);
    }
  });

  it('has a caption in each language, short enough for a room', () => {
    for (const step of tour.steps) {
      for (const lang of LANGUAGES) {
        expect(step.caption[lang].length).toBeGreaterThan(0);
        expect(step.caption[lang].length).toBeLessThanOrEqual(CAPTION_LIMITS[lang]);
      }
    }
  });

  it('gives the step bar its caption, citation and the counts of the view shown', () => {
    const bar = stepBar(tour, 2, model.summary(tour.steps[1]!.view.filters));
    expect(bar).toMatchObject({ step: 2, count: tour.steps.length, caption: tour.steps[1]!.caption, cite: tour.steps[1]!.cite });
    expect(bar.ties).toBe(model.tableRows(tour.steps[1]!.view.filters).length);
  });

  it('goes round from the last step to the first, and keeps a link’s step within the tour', () => {
    expect(nextStep(tour, 1)).toBe(2);
    expect(nextStep(tour, tour.steps.length)).toBe(1);
    expect(stepWithin(tour, 2)).toEqual({ step: 2, notice: null });
    const count = tour.steps.length;
    expect(stepWithin(tour, 99)).toEqual({ step: count, notice: { param: 'step', value: '99', reason: { code: 'step.range', values: { count } } } });
  });
});

describe('a tour file that cannot be played', () => {
  const cite = file.steps[0].cite;

  it('reports each problem with its code and what it names', () => {
    expect(parseTour('{"id": "default", "steps": [', 'default', model)).toEqual({ ok: false, problem: { code: 'json', values: {} } });
    expect(broken((t) => delete t.steps[1].caption.en)).toEqual({ ok: false, problem: { code: 'shape.missing', values: { step: 2, field: 'caption.en' } } });
    expect(broken((t) => (t.steps[0].caption['zh-Hans'] = '字'.repeat(CAPTION_LIMITS['zh-Hans'] + 1)))).toEqual({
      ok: false,
      problem: { code: 'shape.long', values: { step: 1, field: 'caption.zh-Hans', max: CAPTION_LIMITS['zh-Hans'] } },
    });
    expect(broken((t) => (t.steps[0].caption.en = '  '))).toEqual({ ok: false, problem: { code: 'shape.empty', values: { step: 1, field: 'caption.en' } } });
    expect(broken((t) => (t.steps = []))).toEqual({ ok: false, problem: { code: 'shape.empty', values: { step: 0, field: 'steps' } } });
    expect(broken((t) => (t.steps[0].extra = 1))).toEqual({ ok: false, problem: { code: 'shape.unknown', values: { step: 1, field: 'extra' } } });
    expect(broken((t) => (t.steps[3].cite.start = '12'))).toMatchObject({ problem: { code: 'shape.type', values: { step: 4, field: 'cite.start' } } });
    expect(parseTour('"a tour"', 'default', model)).toMatchObject({ problem: { code: 'shape.type', values: { step: 0, field: '' } } });
    expect(broken((t) => (t.id = 'other'))).toEqual({ ok: false, problem: { code: 'id', values: { id: 'other' } } });
    expect(broken((t) => (t.steps[2].view = 'lang=en'))).toEqual({ ok: false, problem: { code: 'view.param', values: { step: 3, param: 'lang' } } });
    expect(broken((t) => (t.steps[2].view = 'mode=kiosk'))).toEqual({ ok: false, problem: { code: 'view.param', values: { step: 3, param: 'mode' } } });
    expect(broken((t) => (t.steps[0].view = 'origin=atlantis'))).toEqual({
      ok: false,
      problem: { code: 'view.value', values: { step: 1 }, notice: { param: 'origin', value: 'atlantis', reason: { code: 'unknown.origin', values: {} } } },
    });
    expect(broken((t) => (t.steps[0].cite = { ...cite, end: cite.end + 1 }))).toEqual({
      ok: false,
      problem: { code: 'cite.missing', values: { step: 1, passage: `${cite.doc}:${cite.start}-${cite.end + 1}` } },
    });
  });

  it('refuses a citation the step’s view does not show', () => {
    const elsewhere = model.tableRows(NO_FILTERS).find((tie) => tie.origin.id === 'yunnan')!;
    const result = broken((t) => {
      t.steps[0].view = 'origin=cangzhou';
      t.steps[0].cite = { doc: elsewhere.evidence.doc, start: elsewhere.evidence.start, end: elsewhere.evidence.end };
    });
    expect(result).toEqual({ ok: false, problem: { code: 'cite.hidden', values: { step: 1 } } });
  });

  it('words every problem in each language, with nothing left unfilled', () => {
    const problems = [
      parseTour('nope', 'default', model),
      broken((t) => delete t.title),
      broken((t) => (t.steps[0].caption.en = 'x'.repeat(CAPTION_LIMITS.en + 1))),
      broken((t) => (t.steps[0].zoom = 3)),
      parseTour('"a tour"', 'default', model),
      broken((t) => (t.id = 'other')),
      broken((t) => (t.steps[0].view = 'read=x')),
      broken((t) => (t.steps[0].view = 'sel=country:XXX')),
      broken((t) => (t.steps[0].cite = { ...cite, start: 0 })),
      { ok: false as const, problem: { code: 'load' as const, values: { detail: '503 Service Unavailable' } } },
      { ok: false as const, problem: { code: 'missing' as const, values: {} } },
    ];
    const table = traditionalTable([]);
    for (const lang of LANGUAGES) {
      for (const result of problems) {
        if (result.ok) throw new Error('expected a problem');
        const text = tourProblemText(localizer(lang, table), 'default', result.problem);
        expect(text, `${lang} ${result.problem.code}`).not.toMatch(/\{\w+\}/);
        expect(text).toContain('default');
      }
    }
    const en = (i: number) => {
      const result = problems[i]!;
      return result.ok ? '' : tourProblemText(localizer('en', table), 'default', result.problem);
    };
    expect(en(2)).toBe(`The tour “default” cannot be played: step 1’s caption.en is longer than ${CAPTION_LIMITS.en} characters`);
    expect(en(3)).toBe('The tour “default” cannot be played: step 1’s zoom is not a field of a tour file');
    expect(en(1)).toBe('The tour “default” cannot be played: the field title is missing');
    expect(en(7)).toBe('The tour “default” cannot be played: in step 1’s view, sel=country:XXX: no country XXX in the atlas');
    expect(en(9)).toBe('The tour “default” cannot be played: its file tours/default.json could not be loaded (503 Service Unavailable)');
    expect(en(10)).toBe('The tour “default” cannot be played: there is no file tours/default.json');
    expect(tourProblemText(localizer('zh-Hans', table), 'default', (problems[2] as { ok: false; problem: TourProblem }).problem)).toBe(
      `导览“default”无法播放:第 1 步的 caption.en超过 ${CAPTION_LIMITS.en} 个字符`,
    );
  });
});

describe('which links set a view besides their step', () => {
  const sets = (search: string) => setsView(parseViewState(search, parsed.atlas).state);
  it('tells a hand-written step link from one the app wrote, by what the link codec kept', () => {
    expect(sets('?tour=default&step=3&lang=en&mode=present')).toBe(false);
    expect(sets('?mode=Kiosk&pace=5&origin=')).toBe(false);
    // A value the codec dropped sets nothing: the step's own view stays.
    expect(sets('?step=2&origin=atlantis&cam=1,2')).toBe(false);
    expect(sets('?mode=present,park&step=2')).toBe(true);
    expect(sets('?origin=wuhan&step=2')).toBe(true);
    expect(sets('?step=2&cam=100,30,3')).toBe(true);
    expect(sets('?step=2&proj=globe')).toBe(true);
  });
});
