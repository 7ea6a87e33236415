import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import { cardFor, summaryOf } from '../../src/core/cards.ts';
import { filterIndex, filterLinks, NO_FILTERS, tieCount } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { LinkId } from '../../src/core/types.ts';
import { blocsByMember, drawnLinks, linksByCountry } from '../../src/core/country-links.ts';
import { subtitleText, summaryText } from '../../src/ui/card-text.ts';
import { localizer } from '../../src/i18n/localizer.ts';

const en = localizer('en', {});
const zhHant = localizer('zh-Hant', { 位置精确到城市: '位置精確到城市', 合作关系: '合作關係' });

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const index = indexAtlas(parsed.atlas);
const names = new Map(parsed.atlas.countries.map((c) => [c.iso3, { zh: c.zh, en: c.en }]));

describe('ties', () => {
  it('counts a country’s links through its cities, institutions and companies too', () => {
    const usa = linksByCountry(index).get('USA')!;
    const kinds = new Set(usa.map((link) => index.partners.get(link.partner)!.kind));
    expect(kinds.has('country')).toBe(true);
    expect(kinds.size).toBeGreaterThan(1);
  });

  it('never spreads a bloc’s links over its members', () => {
    for (const links of linksByCountry(index).values()) {
      for (const link of links) expect(index.partners.get(link.partner)!.kind).not.toBe('bloc');
    }
    expect(blocsByMember(index).get('THA')?.map((bloc) => bloc.id)).toContain('ASEAN');
  });

  it('draws every link whose partner has an anchor, and only those', () => {
    const drawn = drawnLinks(index);
    expect(drawn.every((link) => index.partners.get(link.partner)!.anchor)).toBe(true);
    const rest = parsed.atlas.links.filter((link) => !drawn.includes(link));
    expect(rest.every((link) => index.partners.get(link.partner)!.anchor === null)).toBe(true);
  });
});

describe('cardFor', () => {
  it('gives Israel its ties from Shandong with the passages, each with document title and date', () => {
    const card = cardFor(index, { kind: 'country', iso3: 'ISR' }, names)!;
    expect(card.title).toEqual({ zh: '以色列', en: 'Israel' });
    expect(card.links.length).toBeGreaterThan(0);
    expect(card.links.every((row) => row.origin.id === 'shandong')).toBe(true);
    expect(card.passages.some((p) => p.evidence.quote.includes('以色列') && p.document.origin === 'shandong')).toBe(true);
    for (const passage of card.passages) {
      expect(passage.document.zh).not.toBe('');
      expect(passage.document.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('lists each passage once even when it ties several partners', () => {
    const card = cardFor(index, { kind: 'origin', id: 'shandong' }, names)!;
    const keys = card.passages.map((p) => `${p.evidence.doc}:${p.evidence.start}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(card.links.length).toBe(parsed.atlas.links.filter((link) => link.origin === 'shandong').length);
  });

  it('counts ties as the filters and the table do: one per passage per link', () => {
    const filters = filterIndex(parsed.atlas);
    for (const origin of parsed.atlas.origins) {
      const card = cardFor(index, { kind: 'origin', id: origin.id }, names)!;
      const rows = tieCount(filterLinks(filters, { ...NO_FILTERS, origin: [origin.id] }));
      expect(card.tieCount).toBe(rows);
      expect(summaryOf(card).ties).toBe(rows);
      // The Yunnan plan names several partners in one passage: fewer passages than ties.
      expect(card.passages.length).toBeLessThanOrEqual(rows);
    }
    const yunnan = cardFor(index, { kind: 'origin', id: 'yunnan' }, names)!;
    expect(yunnan.passages.length).toBeLessThan(yunnan.tieCount);
    const link = parsed.atlas.links.find((l) => l.evidence.length > 1)!;
    expect(cardFor(index, { kind: 'link', id: link.id }, names)!.tieCount).toBe(link.evidence.length);
  });

  it('shows a site with only the passages that name it', () => {
    const site = parsed.atlas.sites.find((s) => parsed.atlas.links.some((l) => l.evidence.some((e) => e.site === s.id)))!;
    const card = cardFor(index, { kind: 'site', id: site.id }, names)!;
    expect(card.passages.length).toBeGreaterThan(0);
    expect(card.passages.every((p) => p.evidence.site === site.id)).toBe(true);
    expect(subtitleText(en, card.subtitle!)).toMatch(/location|located/);
  });

  it('names a bloc’s members and a link’s two ends', () => {
    const asean = cardFor(index, { kind: 'partner', id: 'ASEAN' }, names)!;
    expect(asean.members.map((m) => m.en)).toContain('Thailand');
    const link = parsed.atlas.links[0];
    const card = cardFor(index, { kind: 'link', id: link.id }, names)!;
    expect(card.links).toHaveLength(1);
    expect(subtitleText(en, card.subtitle!)).toContain('→');
    expect(summaryText(en, summaryOf(card)).title).toContain('→');
  });

  it('gives a country without ties a card that says so, and nothing for unknown ids', () => {
    const card = cardFor(index, { kind: 'country', iso3: 'ISL' }, new Map([['ISL', { zh: '冰岛', en: 'Iceland' }]]))!;
    expect(card.links).toEqual([]);
    expect(summaryText(en, summaryOf(card)).detail).toMatch(/not named|blocs/);
    expect(cardFor(index, { kind: 'link', id: 'nowhere' as LinkId }, names)).toBeNull();
  });
});

describe('the card in words', () => {
  it('names where a tie starts within its origin, in each language’s order', () => {
    const link = parsed.atlas.links.find((l) => {
      const origin = parsed.atlas.origins.find((o) => o.id === l.origin)!;
      return l.place !== origin.adcode;
    })!;
    const card = cardFor(index, { kind: 'link', id: link.id }, names)!;
    const origin = parsed.atlas.origins.find((o) => o.id === link.origin)!;
    const place = parsed.atlas.places.find((p) => p.adcode === link.place)!;
    expect(subtitleText(en, card.subtitle!)).toMatch(new RegExp(`^${place.en}, ${origin.en} → `));
    expect(subtitleText(localizer('zh-Hans', {}), card.subtitle!)).toMatch(new RegExp(`^${origin.zh}${place.zh} → `));
  });

  it('words counts and kinds through the messages, in Traditional too', () => {
    const card = cardFor(index, { kind: 'country', iso3: 'ISR' }, names)!;
    const summary = summaryOf(card);
    expect(summaryText(en, summary).detail).toMatch(/^Country · \d+ ties? · \d+ passages?$/);
    const site = parsed.atlas.sites.find((s) => s.precision === 'city' && parsed.atlas.links.some((l) => l.evidence.some((e) => e.site === s.id)));
    if (site) expect(subtitleText(zhHant, cardFor(index, { kind: 'site', id: site.id }, names)!.subtitle!)).toContain('位置精確到城市');
    expect(summaryText(zhHant, summaryOf(cardFor(index, { kind: 'link', id: parsed.atlas.links[0].id }, names)!)).detail).toMatch(/^\d+ 段原文$/);
  });
});
