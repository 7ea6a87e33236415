import * as v from 'valibot';
import { COMPARATORS, TARGET_STATUSES } from './targets.ts';
import { ORIGIN_IDS, PARTNER_KINDS, SITE_PRECISIONS, type Atlas } from './types.ts';

// The dataset is checked where it enters (the app's fetch, the CSV export), so a broken or
// stale file is reported as such instead of failing somewhere in a view.

const names = { zh: v.string(), en: v.string() };
const lonLat = v.tuple([v.number(), v.number()]);
const origin = v.picklist(ORIGIN_IDS);
const ids = v.array(v.string());

const AtlasSchema = v.object({
  version: v.literal(1),
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

export type ParsedAtlas = { ok: true; atlas: Atlas } | { ok: false; error: string };

/** Every id a record points to must exist: a dataset is rejected whole, never half used. */
function danglingReference(atlas: Atlas): string | null {
  const has = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const partners = has(atlas.partners);
  const sites = has(atlas.sites);
  const docs = has(atlas.documents);
  const places = new Set([...atlas.origins.map((o) => o.adcode), ...atlas.places.map((p) => p.adcode)]);
  const countries = new Set(atlas.countries.map((c) => c.iso3));
  for (const l of atlas.links) {
    if (!partners.has(l.partner)) return `link ${l.id} names an unknown partner ${l.partner}`;
    if (!places.has(l.place)) return `link ${l.id} names an unknown place ${l.place}`;
    for (const e of l.evidence) {
      if (!docs.has(e.doc)) return `link ${l.id} cites an unknown document ${e.doc}`;
      if (e.site && !sites.has(e.site)) return `link ${l.id} names an unknown site ${e.site}`;
    }
  }
  for (const t of atlas.targets) if (!docs.has(t.doc)) return `a target cites an unknown document ${t.doc}`;
  for (const p of atlas.partners) {
    for (const iso3 of [...(p.iso3 ? [p.iso3] : []), ...p.members]) {
      if (!countries.has(iso3)) return `partner ${p.id} refers to an unknown country ${iso3}`;
    }
  }
  return null;
}

export function parseAtlas(json: string): ParsedAtlas {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `the data file is not valid JSON (${(e as Error).message})` };
  }
  const result = v.safeParse(AtlasSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? '(root)';
    return { ok: false, error: `the data file does not match the atlas format at ${path}: ${issue.message}` };
  }
  const atlas = result.output as Atlas;
  const dangling = danglingReference(atlas);
  return dangling ? { ok: false, error: `the data file is inconsistent: ${dangling}` } : { ok: true, atlas };
}
