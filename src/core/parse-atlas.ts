import * as v from 'valibot';
import { COMPARATORS, TARGET_STATUSES } from './targets.ts';
import { ORIGIN_IDS, PARTNER_KINDS, SITE_PRECISIONS, type Atlas } from './types.ts';

// The dataset is checked where it enters (the app's fetch, the CSV export), so a broken or
// stale file is reported as such instead of failing somewhere in a view.

const names = { zh: v.string(), en: v.string() };
const lonLat = v.tuple([v.number(), v.number()]);
const origin = v.picklist(ORIGIN_IDS);
const ids = v.array(v.string());

/** The format the app reads; the extraction writes it in every dataset's `version`. */
export const ATLAS_VERSION = 1;

const AtlasSchema = v.object({
  version: v.literal(ATLAS_VERSION),
  documents: v.array(
    v.object({
      id: v.string(),
      file: v.string(),
      sha256: v.string(),
      origin,
      ...names,
      issuer: v.object({ ...names, inferred: v.boolean() }),
      date: v.pipe(v.string(), v.isoDate()),
      dateKind: v.picklist(['signed', 'posted']),
      length: v.number(),
    }),
  ),
  origins: v.array(v.object({ id: origin, adcode: v.string(), ...names, lon: v.number(), lat: v.number() })),
  places: v.array(v.object({ adcode: v.string(), origin, ...names, lon: v.number(), lat: v.number() })),
  partners: v.array(
    v.object({
      id: v.string(),
      kind: v.picklist(PARTNER_KINDS),
      ...names,
      // Added after version 1 was first published: a dataset written before it has none.
      aliases: v.optional(v.array(v.string()), []),
      iso3: v.nullable(v.string()),
      members: ids,
      anchor: v.nullable(lonLat),
    }),
  ),
  countries: v.array(v.object({ iso3: v.string(), ...names, anchor: lonLat })),
  sites: v.array(
    v.object({
      id: v.string(),
      ...names,
      origin,
      placeAdcode: v.string(),
      lon: v.number(),
      lat: v.number(),
      precision: v.picklist(SITE_PRECISIONS),
    }),
  ),
  fields: v.array(v.object({ id: v.string(), ...names })),
  modes: v.array(v.object({ id: v.string(), ...names })),
  groups: v.array(v.object({ id: v.string(), ...names, partners: ids })),
  links: v.array(
    v.object({
      id: v.string(),
      origin,
      place: v.string(),
      partner: v.string(),
      evidence: v.array(
        v.object({
          doc: v.string(),
          start: v.number(),
          end: v.number(),
          quote: v.string(),
          site: v.nullable(v.string()),
          fields: ids,
          modes: ids,
        }),
      ),
    }),
  ),
  // Added after version 1 was first published: a dataset written before it has none.
  targets: v.optional(
    v.array(
      v.object({
        origin,
        doc: v.string(),
        subject: v.object(names),
        value: v.pipe(v.string(), v.regex(/^\d+(\.\d+)?$/)),
        unit: v.object(names),
        comparator: v.picklist(COMPARATORS),
        perYear: v.boolean(),
        year: v.nullable(v.number()),
        status: v.picklist(TARGET_STATUSES),
        quote: v.string(),
        start: v.number(),
        end: v.number(),
      }),
    ),
    [],
  ),
});

export type AtlasProblemCode = 'empty' | 'truncated' | 'json' | 'version' | 'shape' | `reference.${ReferenceKind}`;
type ReferenceKind = 'partner' | 'place' | 'document' | 'site' | 'country' | 'target';

/**
 * Why a dataset cannot be used, as a code and the values its message names (i18n/atlas-problem.ts
 * words it): where the file ends, the version found, the field that is wrong, the record and the
 * id it points to that the file does not hold.
 */
export interface AtlasProblem {
  code: AtlasProblemCode;
  values: Readonly<Record<string, string | number>>;
}

export type ParsedAtlas = { ok: true; atlas: Atlas } | { ok: false; problem: AtlasProblem };

const fail = (code: AtlasProblemCode, values: AtlasProblem['values'] = {}): ParsedAtlas => ({ ok: false, problem: { code, values } });

/**
 * Whether a text that is not JSON is JSON cut short (a copy or download that stopped): it ends
 * inside a string or with brackets still open, and every bracket closed before the end closes
 * the one it should.
 */
function cutShort(text: string): boolean {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c === '{' ? '}' : ']');
    else if ((c === '}' || c === ']') && open.pop() !== c) return false;
  }
  return inString || open.length > 0;
}

/** Every id a record points to must exist: a dataset is rejected whole, never half used. */
function danglingReference(atlas: Atlas): AtlasProblem | null {
  const has = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const partners = has(atlas.partners);
  const sites = has(atlas.sites);
  const docs = has(atlas.documents);
  const places = new Set([...atlas.origins.map((o) => o.adcode), ...atlas.places.map((p) => p.adcode)]);
  const countries = new Set(atlas.countries.map((c) => c.iso3));
  const dangling = (kind: ReferenceKind, record: string, id: string): AtlasProblem => ({ code: `reference.${kind}`, values: { record, id } });
  for (const l of atlas.links) {
    if (!partners.has(l.partner)) return dangling('partner', l.id, l.partner);
    if (!places.has(l.place)) return dangling('place', l.id, l.place);
    for (const e of l.evidence) {
      if (!docs.has(e.doc)) return dangling('document', l.id, e.doc);
      if (e.site && !sites.has(e.site)) return dangling('site', l.id, e.site);
    }
  }
  for (const t of atlas.targets) if (!docs.has(t.doc)) return dangling('target', `${t.doc}:${t.start}-${t.end}`, t.doc);
  for (const p of atlas.partners) {
    for (const iso3 of [...(p.iso3 ? [p.iso3] : []), ...p.members]) {
      if (!countries.has(iso3)) return dangling('country', p.id, iso3);
    }
  }
  return null;
}

export function parseAtlas(json: string): ParsedAtlas {
  if (json.trim() === '') return fail('empty');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return cutShort(json) ? fail('truncated', { length: json.length }) : fail('json', { detail: (e as Error).message });
  }
  // The version first: a file of another version differs in its shape too, and "a field is wrong"
  // would hide that the app and the file are of different releases.
  const version = typeof data === 'object' && data !== null && 'version' in data ? (data as { version: unknown }).version : undefined;
  if (version !== ATLAS_VERSION) return fail('version', { found: version === undefined ? '—' : String(JSON.stringify(version)).slice(0, 20), expected: ATLAS_VERSION });
  const result = v.safeParse(AtlasSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    return fail('shape', { path: v.getDotPath(issue) ?? '—', detail: issue.message });
  }
  const atlas = result.output as Atlas;
  const dangling = danglingReference(atlas);
  return dangling ? { ok: false, problem: dangling } : { ok: true, atlas };
}
