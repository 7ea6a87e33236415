import { describe, expect, it } from 'vitest';
import { filterIndex, filterLinks, NO_FILTERS } from '../../src/core/filters.ts';
import { keptStates, shadeOf } from '../../src/core/map-features.ts';
import { KeptStateWriter, type KeptState, type StateTarget } from '../../src/map/kept-state.ts';
import { PAPER, tieShades } from '../../src/map/palette.ts';
import { KEPT_STATE, SOURCES } from '../../src/map/style.ts';
import { atlas, features, index } from './map-fixture.ts';

const yunnan = filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['yunnan'] });

/** Writes `kept` and returns what was set, by source and id. */
function written(writer: KeptStateWriter, kept: ReturnType<typeof keptStates>): Map<string, KeptState> {
  const set = new Map<string, KeptState>();
  writer.write(kept, (target: StateTarget, state) => set.set(`${target.source}/${target.id}`, state));
  return set;
}

describe('keptStates', () => {
  it('of every link is what the features show without filters', () => {
    const all = keptStates(index, atlas.links);
    expect(all.tieClasses).toEqual(features.kept.tieClasses);
    const links = features.lines.features.filter((line) => line.properties.kind === 'link');
    expect([...all.links].sort()).toEqual(links.map((line) => line.properties.id).sort());
    for (const { properties: hub } of features.points.features.filter((point) => point.properties.kind === 'hub')) {
      expect(all.hubLinks.get(hub.id)).toBe(hub.links);
    }
  });

  it('of Yunnan’s links keeps only Yunnan’s lines and the hubs and countries they reach', () => {
    const kept = keptStates(index, yunnan);
    expect([...kept.links].every((id) => index.links.get(id)!.origin === 'yunnan')).toBe(true);
    expect(kept.links.size).toBeGreaterThan(0);
    expect(kept.hubLinks.has('ASEAN')).toBe(true);
    expect(kept.countryTies.has('ISR')).toBe(false);
  });
});

describe('KeptStateWriter', () => {
  it('sets nothing while every link is kept (the features show that of their own), then only what changes', () => {
    const writer = new KeptStateWriter(features);
    const all = keptStates(index, atlas.links);
    expect(written(writer, all).size).toBe(0);

    const kept = keptStates(index, yunnan);
    const next = written(writer, kept);
    expect(next.size).toBeGreaterThan(0);
    for (const line of features.lines.features.filter((f) => f.properties.kind === 'link')) {
      const state = next.get(`${SOURCES.lines}/${line.id}`);
      // Yunnan's own lines were shown and stay shown: they are not set.
      if (kept.links.has(line.properties.id)) expect(state).toBeUndefined();
      else expect(state).toEqual({ [KEPT_STATE.hidden]: true });
    }
    // A country's label point has no state: its label is HTML (map/labels.ts reads the kept ties).
    expect(next.has(`${SOURCES.points}/country:ISR`)).toBe(false);
    expect(next.get(`${SOURCES.base}/ISR`)).toEqual({ [KEPT_STATE.shade]: PAPER.land });
    expect(written(writer, kept).size).toBe(0);

    // Back to every link: exactly what was hidden or reshaded is set back.
    const back = written(writer, all);
    expect([...back.keys()].sort()).toEqual([...next.keys()].sort());
  });

  it('shades a country in the colour of its class of kept ties', () => {
    const writer = new KeptStateWriter(features);
    const kept = keptStates(index, yunnan);
    const set = written(writer, kept);
    const shades = tieShades(kept.tieClasses.length);
    const allShades = tieShades(features.kept.tieClasses.length);
    for (const [iso3, ties] of kept.countryTies) {
      const colour = shades[shadeOf(kept.tieClasses, ties)];
      const before = allShades[shadeOf(features.kept.tieClasses, features.kept.countryTies.get(iso3)!)];
      // Set where the colour differs from the one the country had with every link.
      expect(set.get(`${SOURCES.base}/${iso3}`)).toEqual(colour === before ? undefined : { [KEPT_STATE.shade]: colour });
    }
  });

  it('shows or hides a bloc’s spokes together, under one feature id', () => {
    const spokes = features.lines.features.filter((line) => line.properties.kind === 'spoke' && line.properties.id === 'ASEAN');
    expect(spokes.length).toBeGreaterThan(1);
    expect(new Set(spokes.map((line) => line.id)).size).toBe(1);
    const links = features.lines.features.filter((line) => line.properties.kind === 'link');
    expect(new Set(links.map((line) => line.id)).size).toBe(links.length);
    expect(links.some((line) => line.id === spokes[0]!.id)).toBe(false);
  });
});
