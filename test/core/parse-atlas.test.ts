import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATLAS_VERSION, parseAtlas, type AtlasProblem } from '../../src/core/parse-atlas.ts';
import { atlasProblemText } from '../../src/i18n/atlas-problem.ts';
import { localizer } from '../../src/i18n/localizer.ts';

const json = readFileSync('public/data/atlas.json', 'utf8');
const data = () => JSON.parse(json);

/** What is wrong with a file, as the parser reports it. */
function problemOf(text: string): AtlasProblem {
  const r = parseAtlas(text);
  if (r.ok) throw new Error('the file was accepted');
  return r.problem;
}

const [en, zh] = [localizer('en', {}), localizer('zh-Hans', {})];

describe('parseAtlas: a broken data file gets a clear message, one per case', () => {
  it('accepts the committed dataset, written at the version the app reads', () => {
    expect(parseAtlas(json).ok).toBe(true);
    expect(data().version).toBe(ATLAS_VERSION);
  });

  it('an empty file', () => {
    expect(problemOf('  \n')).toEqual({ code: 'empty', values: {} });
    expect(atlasProblemText(en, problemOf(''))).toBe('The dataset (data/atlas.json) cannot be used: the file is empty.');
  });

  it('a file cut short anywhere: inside a string, an object or a list', () => {
    for (const at of [1, 100, Math.floor(json.length / 2), json.length - 3]) {
      expect(problemOf(json.slice(0, at))).toEqual({ code: 'truncated', values: { length: at } });
    }
    expect(atlasProblemText(en, problemOf(json.slice(0, 5000)))).toBe(
      'The dataset (data/atlas.json) cannot be used: the file is cut short after 5000 characters (a copy or a download that did not finish?).',
    );
    expect(atlasProblemText(zh, problemOf(json.slice(0, 5000)))).toBe('数据文件 data/atlas.json 无法使用:文件不完整,在第 5000 个字符处中断(复制或下载可能没有完成)。');
  });

  it('a file that is not JSON at all, or whose brackets close too early', () => {
    expect(problemOf('<!doctype html><title>Not found</title>').code).toBe('json');
    expect(problemOf('{"version": 1}}').code).toBe('json');
    // Brackets that close the wrong thing are a broken file, not a short one, wherever it ends.
    expect(problemOf('{"version": 1, "links": [1, 2}').code).toBe('json');
    expect(atlasProblemText(en, problemOf('<html>'))).toMatch(/^The dataset \(data\/atlas\.json\) cannot be used: the file is not valid JSON \(.+\)\.$/);
  });

  it('a file of another version, or of none, is named as such before its shape is looked at', () => {
    expect(problemOf(JSON.stringify({ ...data(), version: 2 }))).toEqual({ code: 'version', values: { found: '2', expected: 1 } });
    expect(problemOf(JSON.stringify({ ...data(), version: '1' }))).toEqual({ code: 'version', values: { found: '"1"', expected: 1 } });
    expect(problemOf('[]')).toEqual({ code: 'version', values: { found: '—', expected: 1 } });
    expect(atlasProblemText(en, problemOf('{"version": 2}'))).toBe(
      'The dataset (data/atlas.json) cannot be used: the file is of format version 2, and this atlas reads version 1 only. Re-run npm run extract with this release, or use the release of the atlas that wrote the file.',
    );
  });

  it('reads a dataset written before partners had aliases, giving them none', () => {
    const old = data();
    for (const partner of old.partners) delete partner.aliases;
    const r = parseAtlas(JSON.stringify(old));
    expect(r.ok && r.atlas.partners.every((p) => p.aliases.length === 0)).toBe(true);
  });

  it('names the path of a wrong field', () => {
    const wrong = data();
    wrong.links[3].evidence[0].start = 'ten';
    const problem = problemOf(JSON.stringify(wrong));
    expect(problem).toMatchObject({ code: 'shape', values: { path: 'links.3.evidence.0.start' } });
    expect(atlasProblemText(en, problem)).toMatch(/^The dataset \(data\/atlas\.json\) cannot be used: the value at links\.3\.evidence\.0\.start does not fit the format \(.+\)\.$/);
  });

  describe('a reference that does not resolve names the record and the id', () => {
    const cases: [string, (d: ReturnType<typeof data>) => void, AtlasProblem, string][] = [
      [
        'a link to a partner the file does not hold',
        (d) => (d.partners = d.partners.filter((p: { id: string }) => p.id !== 'ISR')),
        { code: 'reference.partner', values: { record: 'shandong:370000:ISR', id: 'ISR' } },
        'the link shandong:370000:ISR names a partner, ISR, that the file does not hold',
      ],
      [
        'a link at a place the file does not hold',
        (d) => (d.links[0].place = '999999'),
        { code: 'reference.place', values: { record: data().links[0].id, id: '999999' } },
        `the link ${data().links[0].id} names a place, 999999, that the file does not hold`,
      ],
      [
        'evidence from a document the file does not hold',
        (d) => (d.links[0].evidence[0].doc = 'nowhere'),
        { code: 'reference.document', values: { record: data().links[0].id, id: 'nowhere' } },
        `the link ${data().links[0].id} cites a document, nowhere, that the file does not hold`,
      ],
      [
        'a target citing a document the file does not hold',
        (d) => (d.targets[0].doc = 'nowhere'),
        { code: 'reference.target', values: { record: `nowhere:${data().targets[0].start}-${data().targets[0].end}`, id: 'nowhere' } },
        `the target at nowhere:${data().targets[0].start}-${data().targets[0].end} cites a document, nowhere, that the file does not hold`,
      ],
      [
        'a site the file does not hold',
        (d) => (d.links[0].evidence[0].site = 'no-such-park'),
        { code: 'reference.site', values: { record: data().links[0].id, id: 'no-such-park' } },
        `the link ${data().links[0].id} names a site, no-such-park, that the file does not hold`,
      ],
      [
        'a bloc member the file does not hold',
        (d) => (d.countries = d.countries.filter((c: { iso3: string }) => c.iso3 !== 'LAO')),
        { code: 'reference.country', values: { record: 'ASEAN', id: 'LAO' } },
        'the partner ASEAN refers to a country, LAO, that the file does not hold',
      ],
    ];
    it.each(cases)('%s', (_, breakIt, problem, text) => {
      const broken = data();
      breakIt(broken);
      expect(problemOf(JSON.stringify(broken))).toEqual(problem);
      expect(atlasProblemText(en, problem)).toBe(`The dataset (data/atlas.json) cannot be used: ${text}.`);
    });
  });

  it('has a message in both languages for every problem', () => {
    const codes: AtlasProblem['code'][] = ['empty', 'truncated', 'json', 'version', 'shape', 'reference.partner', 'reference.place', 'reference.document', 'reference.site', 'reference.country', 'reference.target'];
    for (const code of codes) {
      const values = { length: 1, detail: 'd', found: 2, expected: 1, path: 'p', record: 'r', id: 'i' };
      for (const loc of [en, zh]) expect(atlasProblemText(loc, { code, values })).not.toMatch(/\{|undefined/);
    }
  });
});
