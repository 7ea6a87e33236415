import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_PATH, MENTIONS_PATH, readSeeds, serialise } from '../../src/cli/extract.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { csvRows } from '../../src/core/table.ts';
import type { Atlas, Site } from '../../src/core/types.ts';
import { decodeSeed } from '../../src/extract/text.ts';
import { extract, extractAtlas } from '../../src/extract/pipeline.ts';

let fresh: Atlas;
const texts = new Map(readSeeds().map((s) => [s.file.replace(/\.txt$/, ''), decodeSeed(s.file, s.bytes)]));

beforeAll(() => {
  fresh = extractAtlas(readSeeds());
});

describe('the committed dataset', () => {
  it('equals a fresh extraction of seeds/, byte for byte (run `npm run extract` after changing seeds or gazetteer)', () => {
    expect(readFileSync(ATLAS_PATH, 'utf8')).toBe(serialise(fresh));
  });

  it('and its mentions file equal a fresh extraction too', () => {
    expect(readFileSync(MENTIONS_PATH, 'utf8')).toBe(serialise(extract(readSeeds()).mentions));
  });

  it('is deterministic: a second run gives identical bytes', () => {
    expect(serialise(extractAtlas(readSeeds()))).toBe(serialise(fresh));
  });

  it('passes its own schema and reference checks', () => {
    const parsed = parseAtlas(readFileSync(ATLAS_PATH, 'utf8'));
    expect(parsed.ok ? 'ok' : parsed.problem).toBe('ok');
  });
});

describe('evidence', () => {
  it('quotes every passage exactly: text.slice(start, end) === quote, for every row', () => {
    const rows = csvRows(fresh);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(texts.get(r.doc_id)!.slice(Number(r.quote_start), Number(r.quote_end))).toBe(r.quote);
    }
  });

  it('marks mentions at exact offsets: each spans a name of what it points to', () => {
    const { mentions } = extract(readSeeds());
    const sites = new Map<string, Site>(fresh.sites.map((s) => [s.id, s]));
    for (const [doc, list] of Object.entries(mentions)) {
      expect(list.length, doc).toBeGreaterThan(0);
      for (const m of list) {
        const span = texts.get(doc)!.slice(m.start, m.end);
        expect(span.length).toBeGreaterThan(0);
        if (m.kind === 'site') expect(sites.has(m.ids[0]!)).toBe(true);
      }
    }
    const shandong = mentions['002_1d76437583e0dae5']!.map((m) => texts.get('002_1d76437583e0dae5')!.slice(m.start, m.end));
    expect(shandong).toContain('東協');
    expect(shandong).toContain('中以(以色列)');
  });

  it('never quotes page furniture (navigation, breadcrumbs, table cells)', () => {
    for (const r of csvRows(fresh)) {
      expect(r.quote).not.toMatch(/\||当前位置|关闭窗口|今天是|^[\d.%\s]+$/);
    }
  });

  it('tags every passage with terms from the documented vocabularies only', () => {
    const fields = new Set(fresh.fields.map((f) => f.id));
    const modes = new Set(fresh.modes.map((m) => m.id));
    for (const l of fresh.links) {
      for (const e of l.evidence) {
        for (const f of e.fields) expect(fields).toContain(f);
        for (const m of e.modes) expect(modes).toContain(m);
      }
    }
  });
});

describe('documents', () => {
  it('finds title, issuer, date and origin in each text', () => {
    const docs = Object.fromEntries(fresh.documents.map((d) => [d.id, d]));
    expect(docs['000_e6c1820c8e594476']).toMatchObject({
      origin: 'wuhan',
      zh: '关于加强国际科技合作推进“一带一路”建设的行动方案',
      issuer: { zh: '武汉市科学技术局', inferred: false },
      date: '2020-01-21',
      dateKind: 'signed',
    });
    expect(docs['001_feff5ef0713189d6']).toMatchObject({
      origin: 'cangzhou',
      zh: '沧州市加强创新能力开放合作实施方案',
      issuer: { zh: '沧州市人民政府办公室', inferred: false },
      date: '2018-12-14',
    });
    expect(docs['002_1d76437583e0dae5']).toMatchObject({
      origin: 'shandong',
      zh: '關於深入開展國際科技合作的意見',
      issuer: { zh: '山东省科学技术厅', inferred: true },
      date: '2015-11-04',
    });
    expect(docs['003_591a6b2b63884b57']).toMatchObject({
      origin: 'yunnan',
      zh: '加快面向南亚东南亚科技创新中心建设行动方案',
      issuer: { zh: '云南省建设面向南亚东南亚科技创新中心办公室', inferred: false },
      date: '2021-11-19',
    });
    // A scraped college page: the title is not the navigation bar, the date is only the posting time.
    expect(docs['004_5cbdcb84e36c06ba']).toMatchObject({
      origin: 'wuhan',
      zh: '武汉市科技创新发展“十三五”规划',
      date: '2019-05-10',
      dateKind: 'posted',
      issuer: { inferred: true },
    });
  });
});
