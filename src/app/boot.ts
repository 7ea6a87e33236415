// Loading what the first picture needs (the dataset, the two maps, and 繁體's table when that is
// the language) and making of it the model and the map's features, once.
import chinaUrl from '../../geo/china.topo.json?url';
import worldUrl from '../../geo/world.topo.json?url';
import type { Topology } from 'topojson-specification';
import { readGeography } from '../core/geography.ts';
import type { Language } from '../core/languages.ts';
import { atlasFeatures, type AtlasFeatures } from '../core/map-features.ts';
import { atlasModel, type AtlasModel } from '../core/model.ts';
import { parseAtlas, type AtlasProblem } from '../core/parse-atlas.ts';
import type { TraditionalTable } from '../i18n/localizer.ts';
import { loadJson, loadText } from '../load/files.ts';
import { traditionalTable } from './language.ts';
import { yieldToPage } from './yield-to-page.ts';

export interface Loaded {
  model: AtlasModel;
  features: AtlasFeatures;
  /** Simplified → Traditional, if the page opens in 繁體; else empty (it is loaded when 繁體 is chosen). */
  traditional: TraditionalTable;
}

/** A dataset the app will not use, and why (main.ts says it in the reader's language). */
export class DatasetError extends Error {
  constructor(readonly problem: AtlasProblem) {
    super(`data/atlas.json: ${problem.code}`);
  }
}

export async function loadAtlas(lang: Language): Promise<Loaded> {
  const [data, world, china, traditional] = await Promise.all([
    loadText(new URL('data/atlas.json', document.baseURI).href, 'data/atlas.json'),
    loadJson(worldUrl, 'geo/world.topo.json'),
    loadJson(chinaUrl, 'geo/china.topo.json'),
    lang === 'zh-Hant' ? traditionalTable() : {},
  ]);
  const parsed = parseAtlas(data);
  if (!parsed.ok) throw new DatasetError(parsed.problem);
  const originAdcodes = new Set(parsed.atlas.origins.map((origin) => origin.adcode));
  await yieldToPage();
  const geography = readGeography(world as Topology, china as Topology, (adcode) => originAdcodes.has(adcode));
  await yieldToPage();
  const model = atlasModel(parsed.atlas, geography.countryNames);
  await yieldToPage();
  return { model, features: atlasFeatures(model.index, geography), traditional };
}
