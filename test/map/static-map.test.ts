// The static map (map/static-map.ts) and the figure around it (map/figure.ts), read as SVG text:
// what they draw, in which language, where the sphere is cut, and that data stays text.
import { describe, expect, it } from 'vitest';
import { fitBounds } from '../../src/core/camera.ts';
import { chosenFacets, figureFacts } from '../../src/core/figure.ts';
import { NO_FILTERS, type Filters } from '../../src/core/filters.ts';
import { tieClasses } from '../../src/core/scales.ts';
import { keptStates, type AtlasFeatures } from '../../src/core/map-features.ts';
import { atlasModel } from '../../src/core/model.ts';
import { localizer } from '../../src/i18n/localizer.ts';
import type { Language } from '../../src/core/languages.ts';
import { figureSvg, figureText, wrapText } from '../../src/map/figure.ts';
import { textWidth } from '../../src/map/labels.ts';
import { staticMapLayers, type StaticCamera, type StaticScene } from '../../src/map/static-map.ts';
import { atlas, features, geography, index } from './map-fixture.ts';

const model = atlasModel(atlas, geography.countryNames);
const [WIDTH, HEIGHT] = [1280, 720];
const framed: StaticCamera = { ...fitBounds(features.bounds, WIDTH, HEIGHT, 48), projection: 'mercator' };

function scene(change: Partial<StaticScene> & { filters?: Filters; lang?: Language } = {}): StaticScene {
  const { filters = NO_FILTERS, lang = 'en', ...rest } = change;
  return {
    features,
    kept: model.mapState(filters),
    selection: null,
    related: new Set(),
    camera: framed,
    width: WIDTH,
    height: HEIGHT,
    loc: localizer(lang, {}),
    room: false,
    ...rest,
  };
}

const linkIds = (svg: string) => [...svg.matchAll(/<g class="link" data-link="([^"]+)"/g)].map((m) => m[1]);
const linkPath = (svg: string, id: string) => new RegExp(`data-link="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*><path d="([^"]+)"`).exec(svg)?.[1];

describe('staticMapLayers', () => {
  it('draws one link for each link the filters keep, and no other', () => {
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, origin: ['yunnan'] }, { ...NO_FILTERS, field: ['agriculture'], mode: ['park'] }]) {
      const kept = model.mapState(filters).links;
      expect(new Set(linkIds(staticMapLayers(scene({ filters }))))).toEqual(kept);
    }
  });

  it('cuts a link where the projection cuts the sphere, and only there', () => {
    // A tie from China to the Americas crosses 180°: seen from 0° it is cut in two, from 110° whole.
    const american = features.lines.features.find((line) => line.properties.kind === 'link' && line.geometry.coordinates.some(([lon]) => lon > 200))!;
    const id = american.properties.id;
    const fromGreenwich = linkPath(staticMapLayers(scene({ camera: { centre: [0, 20], zoom: 1, projection: 'mercator' } })), id)!;
    const fromChina = linkPath(staticMapLayers(scene({ camera: { centre: [110, 20], zoom: 1, projection: 'mercator' } })), id)!;
    expect(fromGreenwich.match(/M/g)).toHaveLength(2);
    expect(fromChina.match(/M/g)).toHaveLength(1);
  });

  it('fills each area as an area, never the sphere less the area (the files wind their rings both ways)', () => {
    const svg = staticMapLayers(scene({ camera: { centre: [20, 0], zoom: 0.5, projection: 'mercator' } }));
    const areas = /<g class="areas">(.*?)<\/g>/.exec(svg)![1];
    const boxes = [...areas.matchAll(/d="([^"]+)"/g)].map(([, d]) => {
      const numbers = [...d.matchAll(/-?\d+(\.\d+)?/g)].map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    });
    expect(boxes.length).toBeGreaterThan(150);
    // The largest country (Russia, across the whole north) is wide but not as tall as the world.
    expect(boxes.filter((box) => box.height > 0.9 * HEIGHT)).toEqual([]);
  });

  it('leaves out what lies behind the globe', () => {
    const facingChina = staticMapLayers(scene({ camera: { centre: [105, 30], zoom: 1.5, projection: 'globe' } }));
    const facingAmericas = staticMapLayers(scene({ camera: { centre: [-80, 10], zoom: 1.5, projection: 'globe' } }));
    expect(facingChina).toMatch(/<circle data-origin="wuhan"/);
    expect(facingAmericas).not.toMatch(/<circle data-origin=/);
  });

  it('fades all but the selection’s links while one is selected', () => {
    const link = atlas.links.find((l) => l.partner === 'ISR')!;
    const svg = staticMapLayers(scene({ selection: { kind: 'link', id: link.id }, related: new Set([link.id]) }));
    expect(svg).toContain(`data-link="${link.id}" opacity="0.9"`);
    const others = [...svg.matchAll(/data-link="([^"]+)" opacity="([\d.]+)"/g)].filter(([, id]) => id !== link.id);
    expect(new Set(others.map(([, , opacity]) => opacity))).toEqual(new Set(['0.08', '0.1']));
  });

  it('labels in the chosen language over the other, as the live map does', () => {
    const labelled = (lang: Language) => staticMapLayers(scene({ lang }));
    expect(labelled('en')).toMatch(/>Yunnan<tspan[^>]*>云南<\/tspan>/);
    expect(labelled('zh-Hans')).toMatch(/>云南<tspan[^>]*>Yunnan<\/tspan>/);
    // Traditional through the table the app loads.
    const hant = staticMapLayers(scene({ loc: localizer('zh-Hant', { 云南: '雲南' }) }));
    expect(hant).toMatch(/>雲南<tspan[^>]*>Yunnan<\/tspan>/);
  });

  it('leaves out what the filters hide, and keeps every other label where it was, as the live map does', () => {
    const placed = (svg: string) => new Map([.../<g class="labels"[^>]*>(.*?)<\/g>/.exec(svg)![1]!.matchAll(/<text x="([^"]+)" y="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [m[3]!, `${m[1]},${m[2]}`]));
    const all = placed(staticMapLayers(scene()));
    const yunnan = placed(staticMapLayers(scene({ filters: { ...NO_FILTERS, origin: ['yunnan'] } })));
    expect(yunnan.size).toBeGreaterThan(5);
    expect(yunnan.size).toBeLessThan(all.size);
    for (const [name, at] of yunnan) expect(at, name).toBe(all.get(name));
    // A bloc Yunnan has no tie with: named with every plan, not with Yunnan's alone.
    expect(all.has('China–CEEC cooperation (16+1)')).toBe(true);
    expect(yunnan.has('China–CEEC cooperation (16+1)')).toBe(false);
  });

  it('keeps names as text: markup, quotes and ampersands in the data are escaped', () => {
    const hostile = '<script>alert("x")</script> & <b>';
    const points = features.points.features.map((point) =>
      point.properties.kind === 'seat' && point.properties.id === 'yunnan' ? { ...point, properties: { ...point.properties, en: hostile } } : point,
    );
    const tampered: AtlasFeatures = { ...features, points: { ...features.points, features: points } };
    const svg = staticMapLayers(scene({ features: tampered, kept: keptStates(index, atlas.links) }));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
  });

  it('draws wider links and larger labels for a room', () => {
    const width = (svg: string, id: string) => Number(new RegExp(`data-link="${id}"[^>]*><path d="[^"]+" stroke="[^"]+" stroke-width="([\\d.]+)"`).exec(svg)![1]);
    const link = atlas.links.find((l) => l.partner === 'ISR')!;
    expect(width(staticMapLayers(scene({ room: true })), link.id) / width(staticMapLayers(scene()), link.id)).toBeCloseTo(1.8, 1);
  });
});

describe('figureSvg: the frame of a picture', () => {
  const text = (lang: Language, filters: Filters, caption: string | null = null) =>
    figureText(localizer(lang, {}), {
      facts: figureFacts(chosenFacets(filters, model.facetOptions), model.tableRows(filters), model.summary(filters)),
      origins: atlas.origins,
      tieClasses: model.mapState(filters).tieClasses,
      caption,
      day: '2026-11-29',
      permalink: 'http://127.0.0.1:5173/?origin=yunnan&lang=en',
    });

  it('says what the map shows, with its legend, caption, sources, date and link', () => {
    const filters = { ...NO_FILTERS, origin: ['yunnan'], field: ['agriculture'] };
    const { svg, layout } = figureSvg(text('en', filters, '审图号:GS(2026)0000号'), WIDTH, HEIGHT, staticMapLayers(scene({ filters })));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1280" height="\d+"/);
    expect(svg).toContain('<text class="title" x="20" y="38" font-size="21" font-weight="600" fill="#262a31">Cooperation Atlas · International S&amp;T partners in four local plans</text>');
    for (const line of ['Origin: Yunnan', 'Field: Agriculture', '审图号:GS(2026)0000号', 'Made 2026-11-29', 'This view: http://127.0.0.1:5173/?origin=yunnan&amp;lang=en', 'Wuhan', 'Cangzhou', 'Shandong', 'Ties per partner country'])
      expect(svg).toContain(line);
    const { ties, partners, documents } = model.summary(filters);
    expect(svg).toContain(`${ties} ${ties === 1 ? 'tie' : 'ties'} · ${partners} ${partners === 1 ? 'partner' : 'partners'} · ${documents} ${documents === 1 ? 'document' : 'documents'}`);
    expect(layout.map).toMatchObject({ x: 0, width: WIDTH, height: HEIGHT });
    expect(layout.height).toBeGreaterThan(layout.map.y + HEIGHT);
    expect(svg).toContain(`<svg class="map" x="0" y="${layout.map.y}" width="${WIDTH}" height="${HEIGHT}"`);
    expect(svg).not.toContain('<image');
  });

  it('leaves the map’s box empty for a PNG’s pixels, with the same layout', () => {
    const words = text('zh-Hans', NO_FILTERS);
    const withMap = figureSvg(words, WIDTH, HEIGHT, staticMapLayers(scene()));
    const frameOnly = figureSvg(words, WIDTH, HEIGHT, null);
    expect(frameOnly.layout).toEqual(withMap.layout);
    expect(frameOnly.svg).not.toContain('class="map"');
    expect(frameOnly.svg).toContain('科技合作地图 · 四地国际科技合作规划中的合作伙伴');
    expect(frameOnly.svg).toContain('四地规划中的全部合作');
  });

  it('keeps its words as text: a caption, a filter or a name with markup is escaped', () => {
    const hostile = '<img src=x onerror=alert(1)> & "q"';
    const words = text('en', NO_FILTERS, hostile);
    const tampered = { ...words, title: hostile, subject: [hostile], legend: { ...words.legend, origins: { ...words.legend.origins, items: [{ colour: '#000000', label: hostile }] } } };
    const { svg } = figureSvg(tampered, WIDTH, HEIGHT, null);
    expect(svg).not.toContain('<img');
    expect(svg.split('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;').length - 1).toBe(5);
  });

  it('breaks a large atlas’s shading labels after their dash, so that each stays over its swatch', () => {
    const words = figureText(localizer('en', {}), {
      facts: figureFacts([], model.tableRows(NO_FILTERS), model.summary(NO_FILTERS)),
      origins: atlas.origins,
      tieClasses: tieClasses(1155),
      caption: null,
      day: '2026-11-29',
      permalink: 'http://127.0.0.1:5173/',
    });
    const { svg } = figureSvg(words, WIDTH, HEIGHT, null);
    expect(svg).toContain('<tspan x="');
    expect(svg).toMatch(/>513–<\/tspan><tspan x="[\d.]+" dy="12">1,155<\/tspan>/);
    // The real atlas's classes fit as they are.
    expect(figureSvg(text('en', NO_FILTERS), WIDTH, HEIGHT, null).svg).not.toContain('dy="12"');
  });

  it('wraps a long title, caption and link to the width of a phone', () => {
    const words = text('en', NO_FILTERS, '审图号:GS(2026)0000号 '.repeat(4));
    const narrow = figureSvg(words, 390, 600, null);
    const wide = figureSvg(words, 1280, 600, null);
    expect(narrow.layout.height).toBeGreaterThan(wide.layout.height);
    for (const [, size, line] of narrow.svg.matchAll(/font-size="(\d+)"[^>]*>([^<]+)</g)) expect(textWidth(line.replaceAll('&amp;', '&'), Number(size)), line).toBeLessThanOrEqual(390 - 40);
  });

  it('embeds the fonts it is given', () => {
    const css = "@font-face{font-family:'Noto Sans SC';src:url(data:font/woff2;base64,AAAA)}";
    expect(figureSvg(text('en', NO_FILTERS), WIDTH, HEIGHT, null, css).svg).toContain(`<style>${css}</style>`);
  });
});

describe('wrapText', () => {
  it('breaks at spaces where it can, anywhere in a long word or in Chinese, and loses nothing', () => {
    const url = `Online: http://127.0.0.1:5173/?${'origin=yunnan&'.repeat(20)}lang=en`;
    const lines = wrapText(url, 11, 400);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(400);
    expect(lines.join('').replace(/\s/g, '')).toBe(url.replace(/\s/g, ''));
    expect(wrapText('四地规划中的全部合作'.repeat(6), 10, 100).every((line) => textWidth(line, 10) <= 100)).toBe(true);
  });
});

describe('the South China Sea line', () => {
  it('draws its dashes where they are, never round the edge of the world (some are wound the other way)', () => {
    const svg = staticMapLayers(scene({ camera: { centre: [100.5, 25], zoom: 1.25, projection: 'mercator' } }));
    const dashes = [...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="#7c7466" stroke-width="1.1" stroke-dasharray/g)].map(([, d]) => d);
    expect(dashes.length).toBeGreaterThan(0);
    const xs = dashes.flatMap((d) => [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1])));
    // The line lies in the South China Sea, a few dozen pixels across at this zoom, far from both edges.
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(120);
  });
});
