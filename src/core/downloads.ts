import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString } from 'geojson';
import { cutAtAntimeridian } from './antimeridian-cut.ts';
import { linkArc, type LonLat } from './arc.ts';
import type { AtlasIndex } from './atlas-index.ts';
import { toCsv } from './csv.ts';
import { csvRow } from './table.ts';
import type { Tie } from './tie.ts';
import type { Atlas, Link } from './types.ts';

// The downloads of exactly what the filters keep. The CSV is the table of DATA-CONTRACT.md
// (src/core/table.ts + csv.ts); GeoJSON and JSON are built here from the same kept links.

const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();

/** The kept sites: those a kept piece of evidence names. */
const keptSiteIds = (links: readonly Link[]) => new Set(links.flatMap((l) => l.evidence.flatMap((e) => (e.site ? [e.site] : []))));

/** A link's line as RFC 7946 §3.1.9 wants it: a MultiLineString cut at the antimeridian if it crosses it. */
function geoJsonLine(line: LonLat[]): LineString | MultiLineString {
  const parts = cutAtAntimeridian(line);
  return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
}

/** Links as great-circle lines from their place to the partner's anchor, and their sites as points. */
export function toGeoJson({ atlas, partners, places }: AtlasIndex, links: readonly Link[]): FeatureCollection<Geometry | null> {
  const linkFeatures: Feature<Geometry | null>[] = links.map((l) => {
    const partner = partners.get(l.partner)!;
    const place = places.get(l.place)!;
    return {
      type: 'Feature',
      id: l.id,
      geometry: partner.anchor ? geoJsonLine(linkArc([place.lon, place.lat], partner.anchor)) : null,
      properties: {
        type: 'link',
        origin: l.origin,
        place_adcode: l.place,
        place_zh: place.zh,
        place_en: place.en,
        partner_id: partner.id,
        partner_kind: partner.kind,
        partner_iso3: partner.iso3 ?? '',
        partner_zh: partner.zh,
        partner_en: partner.en,
        ties: l.evidence.length,
        fields: union(l.evidence.map((e) => e.fields)),
        modes: union(l.evidence.map((e) => e.modes)),
        docs: union(l.evidence.map((e) => [e.doc])),
      },
    };
  });
  const siteIds = keptSiteIds(links);
  const siteFeatures: Feature<Geometry>[] = atlas.sites
    .filter((s) => siteIds.has(s.id))
    .map((s) => ({
      type: 'Feature',
      id: s.id,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { type: 'site', zh: s.zh, en: s.en, origin: s.origin, place_adcode: s.placeAdcode, precision: s.precision },
    }));
  return { type: 'FeatureCollection', features: [...linkFeatures, ...siteFeatures] };
}

/** The dataset cut down to the kept links and what they refer to: the same format as atlas.json. */
export function toAtlasSubset(atlas: Atlas, links: readonly Link[]): Atlas {
  const partnerIds = new Set(links.map((l) => l.partner));
  const partners = atlas.partners.filter((p) => partnerIds.has(p.id));
  const iso3s = new Set(partners.flatMap((p) => [...(p.iso3 ? [p.iso3] : []), ...p.members]));
  const siteIds = keptSiteIds(links);
  const docIds = new Set(links.flatMap((l) => l.evidence.map((e) => e.doc)));
  return {
    ...atlas,
    documents: atlas.documents.filter((d) => docIds.has(d.id)),
    partners,
    countries: atlas.countries.filter((c) => iso3s.has(c.iso3)),
    sites: atlas.sites.filter((s) => siteIds.has(s.id)),
    groups: atlas.groups.map((g) => ({ ...g, partners: g.partners.filter((p) => partnerIds.has(p)) })),
    links: [...links],
    // The targets of the documents kept: the targets say what a plan promises, not what a tie does.
    targets: atlas.targets.filter((t) => docIds.has(t.doc)),
  };
}

export const DOWNLOAD_FORMATS = ['csv', 'geojson', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** One file to save: what the downloads panel turns into a Blob. */
export interface DownloadFile {
  format: DownloadFormat;
  /** e.g. cooperation-atlas-ties-2025-03-01.csv */
  name: string;
  /** The MIME type of the Blob. */
  type: string;
  content: string;
}

const TYPES: Record<DownloadFormat, { extension: string; type: string }> = {
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
  geojson: { extension: 'geojson', type: 'application/geo+json' },
  json: { extension: 'json', type: 'application/json' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of `date` where the user is, YYYY-MM-DD: the date in the file names. */
export const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The file name of a download made on `day` (YYYY-MM-DD). */
export const downloadName = (format: DownloadFormat, day: string) => `cooperation-atlas-ties-${day}.${TYPES[format].extension}`;

/** What the filters keep, as the downloads need it: the links, narrowed to their kept evidence, and the kept ties in the table's order. */
export interface KeptForDownload {
  links: readonly Link[];
  rows: readonly Tie[];
}

/**
 * The file of one format holding exactly the kept links, and of each link exactly the evidence it
 * kept: the CSV is the contract's table (csv.ts) of those ties, the JSON is laid out as
 * atlas.json is (one-space indent), the GeoJSON compact (its lines are long lists of points).
 */
export function downloadFile(index: AtlasIndex, { links, rows }: KeptForDownload, format: DownloadFormat, day: string): DownloadFile {
  const content =
    format === 'csv'
      ? toCsv(rows.map(csvRow))
      : format === 'geojson'
        ? `${JSON.stringify(toGeoJson(index, links))}\n`
        : `${JSON.stringify(toAtlasSubset(index.atlas, links), null, 1)}\n`;
  return { format, name: downloadName(format, day), type: TYPES[format].type, content };
}

/** What the downloads panel offers for the kept ties: their counts, and each file made when asked for. */
export interface DownloadOffer {
  ties: number;
  links: number;
  documents: number;
  file(format: DownloadFormat, day: string): DownloadFile;
}

export function downloadOffer(index: AtlasIndex, kept: KeptForDownload): DownloadOffer {
  return {
    ties: kept.rows.length,
    links: kept.links.length,
    documents: new Set(kept.rows.map((tie) => tie.document.id)).size,
    file: (format, day) => downloadFile(index, kept, format, day),
  };
}

/** The name of a table saved from a view (the matrix, an origin's targets) on `day`, e.g. cooperation-atlas-matrix-all-2026-11-29.csv. */
export const viewTableName = (what: 'matrix' | 'targets', subject: string, day: string) => `cooperation-atlas-${what}-${subject}-${day}.csv`;
