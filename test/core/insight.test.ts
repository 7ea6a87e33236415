// The researcher's views of the model (core/matrix.ts, timeline.ts, profiles.ts, target-charts.ts)
// and the `year` facet, on the committed dataset and its seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/core/filters.ts';
import { matrixCsv } from '../../src/core/matrix.ts';
import { insightModel } from '../../src/core/insight-model.ts';
import { atlasModel } from '../../src/core/model.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { OriginProfile, PartnerProfile } from '../../src/core/profiles.ts';
import { targetCharts } from '../../src/core/target-charts.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas = parsed.atlas;
const model = atlasModel(atlas);
const views = insightModel(model);
const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });
/** A seed as the extraction read it: UTF-8, a leading BOM dropped. */
const seed = (file: string) => readFileSync(`seeds/${file}`, 'utf8').replace(/^\uFEFF/, '');

describe('the year facet: the atlas as of a year', () => {
  it('keeps the ties of the documents issued by the end of that year', () => {
    for (const year of ['2015', '2018', '2019', '2020', '2021']) {
      const issued = new Set(atlas.documents.filter((doc) => doc.date.slice(0, 4) <= year).map((doc) => doc.id));
      const rows = model.tableRows(filters({ year: [year] }));
      expect(rows.length).toBe(atlas.links.flatMap((link) => link.evidence).filter((e) => issued.has(e.doc)).length);
      expect(rows.every((tie) => issued.has(tie.document.id))).toBe(true);
    }
    expect(model.tableRows(filters({ year: ['2021'] })).length).toBe(model.total);
    expect(model.facetOptions.year.map((o) => o.id)).toEqual(['2015', '2018', '2019', '2020', '2021']);
  });

  it('counts each year as the ties as of it, with the other facets applied', () => {
    const counts = model.counts(filters({ origin: ['wuhan'] })).year;
    expect(counts.get('2015') ?? 0).toBe(0);
    expect(counts.get('2019')).toBe(model.tableRows(filters({ origin: ['wuhan'], doc: ['004_5cbdcb84e36c06ba'] })).length);
    expect(counts.get('2021')).toBe(model.tableRows(filters({ origin: ['wuhan'] })).length);
  });
});

describe('the partner × origin matrix', () => {
  it('counts in each cell exactly the kept ties of that partner and origin, under any filters', () => {
    for (const f of [NO_FILTERS, filters({ field: ['agriculture'] }), filters({ year: ['2019'] }), filters({ group: ['asean'], mode: ['park'] })]) {
      const rows = model.tableRows(f);
      for (const order of ['count', 'shared'] as const) {
        const matrix = views.matrix(f)[order];
        expect(matrix.total).toBe(rows.length);
        expect(matrix.totals.reduce((a, b) => a + b, 0)).toBe(rows.length);
        let cells = 0;
        for (const { rows: partners } of matrix.groups) {
          for (const row of partners) {
            matrix.origins.forEach((origin, i) => {
              const expected = rows.filter((tie) => tie.partner.id === row.item.id && tie.origin.id === origin.id);
              expect(row.cells[i]!.ties).toBe(expected.length);
              expect([...row.cells[i]!.links].sort()).toEqual([...new Set(expected.map((tie) => tie.link.id))].sort());
              cells += row.cells[i]!.ties;
            });
            expect(row.shared).toBe(row.cells.filter((cell) => cell.ties > 0).length);
          }
        }
        expect(cells).toBe(rows.length);
        // Every partner once, under its first group.
        const ids = matrix.groups.flatMap((g) => g.rows.map((r) => r.item.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(rows.map((tie) => tie.partner.id)));
      }
    }
  });

  it('puts the partners under the region groups the filters chose, before the others', () => {
    const matrix = views.matrix(filters({ group: ['mekong'] })).count;
    const mekong = atlas.groups.find((g) => g.id === 'mekong')!;
    expect(matrix.groups[0]!.group?.id).toBe('mekong');
    for (const row of matrix.groups.flatMap((g) => g.rows)) expect(mekong.partners).toContain(row.item.id);
    expect(matrix.groups).toHaveLength(1);
  });

  it('sorts by ties, or by how many origins share a partner', () => {
    const { count, shared } = views.matrix(NO_FILTERS);
    for (const { rows } of count.groups) expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((a, b) => b - a));
    for (const { rows } of shared.groups) expect(rows.map((r) => r.shared)).toEqual([...rows.map((r) => r.shared)].sort((a, b) => b - a));
    // The Belt and Road countries are named by all four plans.
    expect(shared.groups.flatMap((g) => g.rows).find((r) => r.item.id === 'belt-and-road')?.shared).toBe(4);
  });

  it('counts fields per origin as the ties that name them', () => {
    const rows = model.tableRows(NO_FILTERS);
    const { fields, origins } = views.matrix(NO_FILTERS).count;
    for (const row of fields) {
      origins.forEach((origin, i) =>
        expect(row.cells[i]!.ties).toBe(rows.filter((tie) => tie.origin.id === origin.id && tie.fields.some((f) => f.id === row.item.id)).length),
      );
    }
  });

  it('writes the matrix as CSV, one row a partner, the origins as columns', () => {
    const matrix = views.matrix(filters({ origin: ['yunnan'] })).count;
    const lines = matrixCsv(matrix).trimEnd().split('\n');
    expect(lines[0]).toBe('group_id,group_zh,group_en,partner_id,partner_kind,partner_zh,partner_en,wuhan,cangzhou,shandong,yunnan,total,origins');
    expect(lines).toHaveLength(1 + matrix.groups.reduce((n, g) => n + g.rows.length, 0));
    const asean = lines.find((line) => line.split(',')[3] === 'ASEAN')!;
    const ties = String(model.tableRows(filters({ origin: ['yunnan'] })).filter((t) => t.partner.id === 'ASEAN').length);
    expect(asean.split(',').slice(-6)).toEqual(['0', '0', '0', ties, ties, '1']);
  });
});

describe('the timeline', () => {
  it('lists the documents by date, each with the partners no earlier one named', () => {
    const { entries, years } = views.timeline(NO_FILTERS);
    expect(entries.map((e) => e.document.date)).toEqual([...atlas.documents.map((d) => d.date)].sort());
    expect(years).toEqual(['2015', '2018', '2019', '2020', '2021']);
    const seen = new Set<string>();
    for (const entry of entries) {
      const own = model.tableRows(NO_FILTERS).filter((tie) => tie.document.id === entry.document.id);
      expect(entry.ties).toBe(own.length);
      expect(new Set(entry.newPartners.map((p) => p.id))).toEqual(new Set(own.map((t) => t.partner.id).filter((id) => !seen.has(id))));
      for (const tie of own) seen.add(tie.partner.id);
    }
    // Every field and site is new once, in the first document (by date) that names it.
    const fields = entries.flatMap((e) => e.newFields.map((f) => f.id));
    expect(new Set(fields).size).toBe(fields.length);
    expect(new Set(fields)).toEqual(new Set(model.tableRows(NO_FILTERS).flatMap((t) => t.fields.map((f) => f.id))));
    const sites = entries.flatMap((e) => e.newSites.map((site) => site.id));
    expect(new Set(sites)).toEqual(new Set(model.tableRows(NO_FILTERS).flatMap((t) => (t.site ? [t.site.id] : []))));
    expect(new Set(sites).size).toBe(sites.length);
    expect(entries.reduce((n, e) => n + e.targets, 0)).toBe(atlas.targets.length);
  });

  it('shows every document whatever year is chosen, and the other filters still apply', () => {
    expect(views.timeline(filters({ year: ['2015'] })).entries.map((e) => e.ties)).toEqual(views.timeline(NO_FILTERS).entries.map((e) => e.ties));
    const wuhan = views.timeline(filters({ origin: ['wuhan'], year: ['2019'] })).entries;
    expect(wuhan.filter((e) => e.ties > 0).map((e) => e.origin.id)).toEqual(['wuhan', 'wuhan']);
  });
});

describe('the targets’ charts', () => {
  const texts = new Map(atlas.documents.map((doc) => [doc.id, seed(doc.file)]));

  it('puts every target on a chart once, and each number is an exact slice of its seed', () => {
    const marks = atlas.origins.flatMap((origin) =>
      targetCharts(model.index, origin.id).flatMap((doc) => [...doc.pairs.flatMap((p) => [p.achieved, p.goal]), ...doc.charts.flatMap((c) => c.marks)]),
    );
    expect(marks).toHaveLength(atlas.targets.length);
    for (const mark of marks) {
      const text = texts.get(mark.target.doc)!;
      expect(text.slice(mark.start, mark.end)).toBe(mark.target.value);
      // The number itself, not digits inside a longer one; followed by its unit where the passage writes it there.
      expect(/[0-9.]/.test(text[mark.start - 1] ?? '')).toBe(false);
      expect(/[0-9.]/.test(text[mark.end] ?? '')).toBe(false);
      if (mark.target.quote.includes(`${mark.target.value}${mark.target.unit.zh}`) && mark.target.unit.zh !== '') expect(text.slice(mark.end).startsWith(mark.target.unit.zh)).toBe(true);
      expect(mark.start).toBeGreaterThanOrEqual(mark.target.start);
      expect(mark.end).toBeLessThanOrEqual(mark.target.end);
      expect(mark.number).toBe(Number(mark.target.value));
    }
  });

  it('pairs Wuhan’s 2015 values with its 2020 targets for the same measure', () => {
    const plan = targetCharts(model.index, 'wuhan').find((doc) => doc.document.id === '004_5cbdcb84e36c06ba')!;
    expect(plan.pairs.length).toBeGreaterThan(0);
    // Each pair is one row of the plan's indicator table: the goal from the achieved value's own passage.
    expect(plan.pairs.length).toBe(atlas.targets.filter((t) => t.doc === plan.document.id && t.status === 'achieved').length);
    for (const pair of plan.pairs) {
      expect(pair.goal.target.start).toBe(pair.achieved.target.start);
      expect(pair.achieved.target).toMatchObject({ status: 'achieved', year: 2015 });
      expect(pair.goal.target).toMatchObject({ status: 'target', year: 2020 });
      expect(pair.goal.target.subject).toEqual(pair.achieved.target.subject);
    }
  });

  it('draws values of one unit and kind on one scale, the largest at its end', () => {
    for (const origin of atlas.origins) {
      for (const doc of targetCharts(model.index, origin.id)) {
        for (const chart of doc.charts) {
          expect(new Set(chart.marks.map((m) => `${m.target.unit.zh}|${m.target.perYear}`)).size).toBe(1);
          expect(chart.max).toBe(Math.max(...chart.marks.map((m) => m.number)));
        }
      }
    }
  });
});

describe('profiles', () => {
  it('profiles an origin from the kept ties: documents, partners by kind, fields, modes, sites and targets', () => {
    const profile = views.profile({ kind: 'origin', id: 'cangzhou' }, NO_FILTERS) as OriginProfile;
    const rows = model.tableRows(NO_FILTERS).filter((tie) => tie.origin.id === 'cangzhou');
    expect(profile.ties).toBe(rows.length);
    expect(profile.documents.map((d) => d.id)).toEqual(['001_feff5ef0713189d6']);
    expect(profile.partnersByKind.flatMap((g) => g.partners).reduce((n, p) => n + p.ties, 0)).toBe(rows.length);
    for (const { kind, partners } of profile.partnersByKind) for (const { item } of partners) expect(item.kind).toBe(kind);
    // By region too: each partner under every group that holds it, the rest under none.
    for (const { group, partners } of profile.partnersByRegion) {
      for (const { item } of partners) expect(group ? group.partners.includes(item.id) : atlas.groups.every((g) => !g.partners.includes(item.id))).toBe(true);
    }
    expect(new Set(profile.partnersByRegion.flatMap((r) => r.partners.map((p) => p.item.id)))).toEqual(new Set(rows.map((t) => t.partner.id)));
    for (const { item, ties } of profile.fields) expect(ties).toBe(rows.filter((t) => t.fields.some((f) => f.id === item.id)).length);
    expect(profile.targets[0]!.document.id).toBe('001_feff5ef0713189d6');
    // The filters narrow it.
    const agriculture = views.profile({ kind: 'origin', id: 'cangzhou' }, filters({ field: ['agriculture'] })) as OriginProfile;
    expect(agriculture.ties).toBe(model.tableRows(filters({ field: ['agriculture'], origin: ['cangzhou'] })).length);
  });

  it('profiles a partner and a country by the origins that tie to them, with fields, documents and years', () => {
    const asean = views.profile({ kind: 'partner', id: 'ASEAN' }, NO_FILTERS) as PartnerProfile;
    expect(asean.origins.map((o) => o.ties).reduce((a, b) => a + b, 0)).toBe(asean.ties);
    for (const entry of asean.origins) {
      const rows = model.tableRows(NO_FILTERS).filter((t) => t.partner.id === 'ASEAN' && t.origin.id === entry.origin.id);
      expect(entry.ties).toBe(rows.length);
      expect(entry.years).toEqual([...new Set(rows.map((t) => t.document.date.slice(0, 4)))].sort());
    }
    // A country counts the ties to its cities, institutions and companies too.
    const usa = views.profile({ kind: 'country', iso3: 'USA' }, NO_FILTERS) as PartnerProfile;
    expect(usa.ties).toBe(model.tableRows(NO_FILTERS).filter((t) => t.partner.id === 'USA' || t.partner.iso3 === 'USA').length);
    expect(usa.ties).toBeGreaterThan(model.tableRows(NO_FILTERS).filter((t) => t.partner.id === 'USA').length);
    expect(views.profile({ kind: 'link', id: atlas.links[0]!.id }, NO_FILTERS)).toBeNull();
    // The same inputs give the same object: the card is not redrawn for nothing.
    expect(views.profile({ kind: 'partner', id: 'ASEAN' }, NO_FILTERS)).toBe(views.profile({ kind: 'partner', id: 'ASEAN' }, NO_FILTERS));
  });
});
