// The words of the detail card and the tooltip, in the reader's language: what a card is about,
// where a tie starts, a tie's two ends, where a site is, and the tooltip's line of counts. Names
// show in the chosen language first; in Chinese the English follows on a line of its own (and in
// English the Chinese), for presenters who talk about the map in the other language.
import { html, nothing, type TemplateResult } from 'lit';
import type { CardKind, Subtitle, Summary, TieStart } from '../core/cards.ts';
import type { Names } from '../core/types.ts';
import { count } from '../i18n/format.ts';
import type { Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';

const KIND_KEYS: Record<CardKind, MessageKey> = {
  link: 'card.kind.link',
  site: 'card.kind.site',
  origin: 'card.kind.origin',
  country: 'partner.kind.country',
  bloc: 'partner.kind.bloc',
  city: 'partner.kind.city',
  institution: 'partner.kind.institution',
  company: 'partner.kind.company',
  region: 'partner.kind.region',
};

export const kindText = (loc: Localizer, kind: CardKind) => loc.t(KIND_KEYS[kind]);

/** The other language's form of a name: English under Chinese, Chinese (as written) under English. */
export function secondName(loc: Localizer, names: Names): { text: string; lang: string } {
  // `zh`, not zh-Hans: a few names (documents' titles) are Traditional as written.
  return loc.lang === 'en' ? { text: names.zh, lang: 'zh' } : { text: names.en, lang: 'en' };
}

/** A name in the chosen language, with the other language's form after it in a span of its own. */
export function nameWithSecond(loc: Localizer, names: Names, separator: string | TemplateResult = ' '): TemplateResult {
  const second = secondName(loc, names);
  const same = second.text === loc.name(names) || second.text === '';
  return html`${loc.name(names)}${same ? nothing : html`${separator}<span class="second" lang=${second.lang}>${second.text}</span>`}`;
}

/** Where a tie starts in words: “Wuhan” or “Jiangxia, Wuhan” / “武汉江夏区”. */
export function tieStartText(loc: Localizer, start: TieStart): string {
  const origin = loc.name(start.origin);
  return start.place ? loc.t('card.place', { origin, place: loc.name(start.place) }) : origin;
}

/** The line under a card's title. */
export function subtitleText(loc: Localizer, subtitle: Subtitle): string {
  if (subtitle.kind === 'route') return loc.t('card.route', { from: tieStartText(loc, subtitle.from), to: loc.name(subtitle.to) });
  const precision = loc.t(`card.precision.${subtitle.precision}`);
  return subtitle.place ? loc.t('card.location', { place: loc.name(subtitle.place), precision }) : precision;
}

/** The tooltip's two lines: a name (a tie's two ends) and what it holds. */
export function summaryText(loc: Localizer, summary: Summary): { title: string; detail: string } {
  const passages = count(loc, 'passages', summary.passages);
  if (summary.kind === 'link' && summary.subtitle) return { title: subtitleText(loc, summary.subtitle), detail: passages };
  const title = loc.name(summary.title);
  if (summary.kind === 'site' && summary.subtitle) return { title, detail: subtitleText(loc, summary.subtitle) };
  const counts =
    summary.ties > 0
      ? loc.t('card.stats', { ties: count(loc, 'ties', summary.ties), passages })
      : loc.t(summary.throughBlocs ? 'tooltip.throughBlocs' : 'tooltip.notNamed');
  return { title, detail: loc.t('tooltip.detail', { kind: kindText(loc, summary.kind), counts }) };
}
