// The second reader's partner ids (test/ground-truth/) against the atlas's.

/**
 * Where the reader's ids and the atlas's differ only in granularity: the atlas splits 南亚东南亚
 * into its two regions, counts both halves of the Belt and Road as one, reads 老北 as Laos, and
 * counts Singapore (named among world cities) as the country.
 */
const READER_TO_ATLAS: Record<string, string[]> = {
  'south-and-southeast-asia': ['south-asia', 'southeast-asia'],
  'silk-road-economic-belt': ['belt-and-road'],
  'maritime-silk-road': ['belt-and-road'],
  'northern-laos': ['LAO'],
  singapore: ['SGP'],
};

/** The atlas's ids for a reader's id. */
export const toAtlas = (id: string) => READER_TO_ATLAS[id] ?? [id];
