// A picture of the atlas for slides, reports and print: the map framed by what a reader away from
// the screen needs, in the chosen language: a title, the filters chosen and what they keep, a
// legend, the 审图号 caption, the sources of the map data, the date and the link back. One layout,
// drawn as SVG: around the static map for the SVG export, and around the live map's pixels for
// the PNG (figure-png.ts lays this SVG, its map left out, over them).
import type { FigureFacts } from '../core/figure.ts';
import type { CountClass } from '../core/scales.ts';
import type { Origin } from '../core/types.ts';
import { count, formatList, formatNumber } from '../i18n/format.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { ORIGIN_COLOURS, PAPER, tieShades } from './palette.ts';
import { textWidth } from './labels.ts';
import { escapeXml as xml, FIGURE_FONT } from './static-map.ts';

export interface FigureText {
  lang: string;
  title: string;
  /** What the figure shows: the chosen filters, one line a facet, or that it shows everything. */
  subject: string[];
  counts: string;
  legend: {
    origins: { title: string; items: { colour: string; label: string }[] };
    ties: { title: string; bilateral: string; collective: string; members: string; width: string };
    shading: { title: string; items: { colour: string; label: string }[] };
    sites: { title: string; exact: string; approximate: string };
  };
  /** The 审图号 or other caption the deployment sets; null for none. */
  caption: string | null;
  made: string;
  link: string;
}

export interface FigureWords {
  facts: FigureFacts;
  origins: readonly Origin[];
  tieClasses: readonly CountClass[];
  caption: string | null;
  /** The day the figure is made, YYYY-MM-DD. */
  day: string;
  /** The atlas's own link to this view. */
  permalink: string;
}

const classLabel = (loc: Localizer, { min, max }: CountClass) =>
  min === max ? formatNumber(loc, min) : `${formatNumber(loc, min)}–${formatNumber(loc, max)}`;

/** Everything the frame says, in `loc`'s language. */
export function figureText(loc: Localizer, { facts, origins, tieClasses, caption, day, permalink }: FigureWords): FigureText {
  const optionName = (option: FigureFacts['chosen'][number]['options'][number]) => {
    switch (option.kind) {
      case 'origin': return loc.name(option.origin);
      case 'partner-kind': return loc.t(`partner.kind.${option.id}`);
      case 'year': return loc.t('filters.year', { year: option.id });
      default: return loc.name(option.names);
    }
  };
  const shades = tieShades(tieClasses.length);
  const { summary } = facts;
  return {
    lang: loc.tag,
    title: `${loc.t('app.title')} · ${loc.t('header.subtitle')}`,
    subject:
      facts.chosen.length === 0
        ? [loc.t('figure.all')]
        : facts.chosen.map(({ facet, options }) => loc.t('figure.chosen', { facet: loc.t(`filters.facet.${facet}`), options: formatList(loc, options.map(optionName)) })),
    counts: loc.t('figure.counts', {
      ties: count(loc, 'ties', summary.ties),
      partners: count(loc, 'partners', summary.partners),
      documents: count(loc, 'documents', summary.documents),
    }),
    legend: {
      origins: { title: loc.t('legend.origins'), items: origins.map((origin) => ({ colour: ORIGIN_COLOURS[origin.id], label: loc.name(origin) })) },
      ties: {
        title: loc.t('legend.ties'),
        bilateral: loc.t('legend.bilateral'),
        collective: loc.t('legend.collective'),
        members: loc.t('legend.members'),
        width: loc.t('legend.width'),
      },
      shading: { title: loc.t('legend.shading'), items: tieClasses.map((c, i) => ({ colour: shades[i], label: classLabel(loc, c) })) },
      sites: { title: loc.t('legend.sites'), exact: loc.t('legend.exact'), approximate: loc.t('legend.approximate') },
    },
    caption,
    made: loc.t('figure.made', { date: day, sources: loc.t('figure.sources') }),
    link: loc.t('figure.link', { url: permalink }),
  };
}

/** Where the parts of a figure go, in CSS pixels (the SVG's user units; a PNG multiplies them). */
export interface FigureLayout {
  width: number;
  height: number;
  /** The map's box. */
  map: { x: number; y: number; width: number; height: number };
}

const PAD = 20;
const TITLE = 21;
const LINE = 13;
const SMALL = 11;
const LEGEND_WIDTH = 232;

/** Breaks a text into lines no wider than `width` (by the rough measure of textWidth), at spaces where it can. */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (textWidth(line + char, size) > width && line !== '') {
      const space = line.lastIndexOf(' ');
      const [kept, carried] = space > line.length / 2 ? [line.slice(0, space), line.slice(space + 1)] : [line, ''];
      lines.push(kept);
      line = carried + char;
    } else line += char;
  }
  return line === '' ? lines : [...lines, line];
}

interface Placed {
  layout: FigureLayout;
  title: string[];
  titleHeight: number;
  header: string[];
  footer: string[];
  headerHeight: number;
  footerHeight: number;
}

function place(text: FigureText, mapWidth: number, mapHeight: number): Placed {
  const inner = mapWidth - 2 * PAD;
  const title = wrapText(text.title, TITLE, inner);
  const header = [...text.subject, text.counts].flatMap((line) => wrapText(line, LINE, inner));
  const footer = [...(text.caption ? wrapText(text.caption, SMALL, inner) : []), ...wrapText(text.made, SMALL, inner), ...wrapText(text.link, SMALL, inner)];
  const titleHeight = title.length * (TITLE + 6);
  const headerHeight = PAD + titleHeight + 2 + header.length * (LINE + 5) + 6;
  const footerHeight = 10 + footer.length * (SMALL + 5) + 10;
  return {
    layout: { width: mapWidth, height: headerHeight + mapHeight + footerHeight, map: { x: 0, y: headerHeight, width: mapWidth, height: mapHeight } },
    title,
    titleHeight,
    header,
    footer,
    headerHeight,
    footerHeight,
  };
}

function legendBox(text: FigureText, x: number, bottom: number): string {
  const { origins, ties, shading } = text.legend;
  const rows: string[] = [];
  let y = 10;
  const heading = (label: string) => {
    y += 13;
    rows.push(`<text x="10" y="${y}" font-size="10.5" font-weight="600" fill="${PAPER.textMuted}">${xml(label)}</text>`);
    y += 4;
  };
  const item = (swatch: string, label: string) => {
    y += 15;
    rows.push(`<g transform="translate(10 ${y - 4})">${swatch}</g><text x="44" y="${y}" font-size="11.5" fill="${PAPER.text}">${xml(label)}</text>`);
  };
  heading(origins.title);
  for (const origin of origins.items) item(`<line x1="0" y1="0" x2="26" y2="0" stroke="${origin.colour}" stroke-width="3" stroke-linecap="round"/>`, origin.label);
  heading(ties.title);
  item(`<line x1="0" y1="0" x2="26" y2="0" stroke="${PAPER.textMuted}" stroke-width="2.2" stroke-linecap="round"/>`, ties.bilateral);
  item(`<line x1="0" y1="0" x2="26" y2="0" stroke="${PAPER.textMuted}" stroke-width="5"/><line x1="0" y1="0" x2="26" y2="0" stroke="${PAPER.land}" stroke-width="2.6"/>`, ties.collective);
  item(`<line x1="0" y1="0" x2="26" y2="0" stroke="${PAPER.spoke}" stroke-width="1" stroke-dasharray="1 2.5" stroke-linecap="round"/>`, ties.members);
  item(`<line x1="0" y1="0" x2="10" y2="0" stroke="${PAPER.textMuted}" stroke-width="1.4" stroke-linecap="round"/><line x1="15" y1="0" x2="26" y2="0" stroke="${PAPER.textMuted}" stroke-width="4.5" stroke-linecap="round"/>`, ties.width);
  heading(shading.title);
  const swatch = Math.min(36, (LEGEND_WIDTH - 20) / Math.max(1, shading.items.length));
  // A large atlas's classes (513–1,155) are wider than their swatch: each label then breaks after its dash.
  const broken = shading.items.some((shade) => textWidth(shade.label, 10) > swatch - 2);
  y += 4;
  shading.items.forEach((shade, i) => {
    const cx = 10 + i * swatch + (swatch - 2) / 2;
    const lines = broken ? shade.label.split(/(?<=–)/) : [shade.label];
    const label = lines.map((line, k) => `<tspan x="${cx}" dy="${k === 0 ? 0 : 12}">${xml(line)}</tspan>`).join('');
    rows.push(
      `<rect x="${10 + i * swatch}" y="${y}" width="${swatch - 2}" height="10" fill="${shade.colour}"/>` +
        `<text x="${cx}" y="${y + 22}" font-size="10" text-anchor="middle" fill="${PAPER.text}">${label}</text>`,
    );
  });
  y += broken ? 38 : 26;
  heading(text.legend.sites.title);
  const diamond = (exact: boolean) =>
    `<path d="M13 -5L18 0L13 5L8 0Z" fill="${exact ? PAPER.textMuted : PAPER.hub}" stroke="${exact ? PAPER.hub : PAPER.textMuted}" stroke-width="1.6" stroke-linejoin="round"/>`;
  item(diamond(true), text.legend.sites.exact);
  item(diamond(false), text.legend.sites.approximate);
  y += 10;
  return (
    `<g class="legend" transform="translate(${x} ${bottom - y})">` +
    `<rect width="${LEGEND_WIDTH}" height="${y}" rx="6" fill="${PAPER.halo}" fill-opacity="0.94" stroke="#cfc8b9"/>${rows.join('')}</g>`
  );
}

/**
 * The whole figure as one SVG document. `mapLayers` is the static map (static-map.ts) drawn at
 * `mapWidth` × `mapHeight`; null leaves its box empty, for the live map's pixels to show through.
 * `fontCss` embeds the font faces its text needs (empty: the reader's own fonts are used).
 */
export function figureSvg(text: FigureText, mapWidth: number, mapHeight: number, mapLayers: string | null, fontCss = ''): { svg: string; layout: FigureLayout } {
  const placed = place(text, mapWidth, mapHeight);
  const { layout, headerHeight, footerHeight } = placed;
  const { width, height, map } = layout;
  const lines = (items: string[], y0: number, size: number, fill: string) =>
    items.map((line, i) => `<text x="${PAD}" y="${y0 + i * (size + 5)}" font-size="${size}" fill="${fill}">${xml(line)}</text>`).join('');
  const style = fontCss ? `<style>${fontCss}</style>` : '';
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(FIGURE_FONT)}" xml:lang="${text.lang}">`,
    `<title>${xml(text.title)}</title>${style}`,
    `<rect class="frame" width="${width}" height="${headerHeight}" fill="${PAPER.halo}"/>`,
    `<text class="title" x="${PAD}" y="${PAD + TITLE - 3}" font-size="${TITLE}" font-weight="600" fill="${PAPER.text}">` +
      placed.title.map((line, i) => (i === 0 ? xml(line) : `<tspan x="${PAD}" dy="${TITLE + 6}">${xml(line)}</tspan>`)).join('') +
      '</text>',
    lines(placed.header, PAD + placed.titleHeight + 2 + LINE, LINE, PAPER.text),
    mapLayers === null ? '' : `<svg class="map" x="${map.x}" y="${map.y}" width="${map.width}" height="${map.height}" viewBox="0 0 ${map.width} ${map.height}" overflow="hidden">${mapLayers}</svg>`,
    legendBox(text, map.x + 12, map.y + map.height - 12),
    `<rect class="frame" y="${height - footerHeight}" width="${width}" height="${footerHeight}" fill="${PAPER.halo}"/>`,
    lines(placed.footer, height - footerHeight + 10 + SMALL, SMALL, PAPER.textMuted),
    '</svg>',
  ].join('');
  return { svg, layout };
}
