import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtlas } from '../../src/core/parse-atlas.ts';

const json = readFileSync('public/data/atlas.json', 'utf8');

describe('parseAtlas: a broken data file gets a clear message', () => {
  it('accepts the committed dataset', () => {
    expect(parseAtlas(json).ok).toBe(true);
  });

  it.each([
    ['', /not valid JSON/],
    ['{"version": 1', /not valid JSON/],
    ['[]', /does not match the atlas format/],
    ['{"version": 2}', /at version/],
  ])('%j', (input, message) => {
    const r = parseAtlas(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('reads a dataset written before partners had aliases, giving them none', () => {
    const data = JSON.parse(json);
    for (const partner of data.partners) delete partner.aliases;
    const r = parseAtlas(JSON.stringify(data));
    expect(r.ok && r.atlas.partners.every((p) => p.aliases.length === 0)).toBe(true);
  });

  it('names the path of a wrong field', () => {
    const data = JSON.parse(json);
    data.links[3].evidence[0].start = 'ten';
    const r = parseAtlas(JSON.stringify(data));
    expect(r.ok ? '' : r.error).toMatch(/links\.3\.evidence\.0\.start/);
  });

  it('rejects a link to a partner the file does not hold', () => {
    const data = JSON.parse(json);
    data.partners = data.partners.filter((p: { id: string }) => p.id !== 'ISR');
    const r = parseAtlas(JSON.stringify(data));
    expect(r.ok ? '' : r.error).toMatch(/unknown partner ISR/);
  });
});
