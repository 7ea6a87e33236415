// Aggregations of links per country, the unit the map shades and the country card lists.
import type { AtlasIndex } from './atlas-index.ts';
import type { Link, Partner } from './types.ts';

/** Blocs and unnamed regions: ties to a group, drawn apart from ties to one country. */
export function isCollective(partner: Partner): boolean {
  return partner.kind === 'bloc' || partner.kind === 'region';
}

/**
 * The links (of the dataset, or those given) of each country (alpha-3), i.e. those whose partner
 * is the country itself or a city, institution or company in it. A bloc's links are not spread
 * over its members: the texts name the bloc, not them (see blocsByMember).
 */
export function linksByCountry(index: AtlasIndex, links: readonly Link[] = index.atlas.links): Map<string, Link[]> {
  const result = new Map<string, Link[]>();
  for (const link of links) {
    const iso3 = index.partners.get(link.partner)?.iso3;
    if (!iso3) continue;
    const list = result.get(iso3);
    if (list) list.push(link);
    else result.set(iso3, [link]);
  }
  return result;
}

/** The blocs (with at least one link) that each member country belongs to. */
export function blocsByMember(index: AtlasIndex): Map<string, Partner[]> {
  const linked = new Set(index.atlas.links.map((link) => link.partner));
  const result = new Map<string, Partner[]>();
  for (const partner of index.atlas.partners) {
    if (partner.kind !== 'bloc' || !linked.has(partner.id)) continue;
    for (const member of partner.members) result.set(member, [...(result.get(member) ?? []), partner]);
  }
  return result;
}

/** The links (of the dataset, or those given) the map draws: those whose partner has an anchor. The rest are listed in cards only. */
export function drawnLinks(index: AtlasIndex, links: readonly Link[] = index.atlas.links): Link[] {
  return links.filter((link) => index.partners.get(link.partner)?.anchor);
}
