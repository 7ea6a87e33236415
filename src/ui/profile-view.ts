// The profile under a card (`sel=origin:…`, `sel=partner:…`, `sel=country:…`): an origin's
// documents, partners by kind, fields, modes, sites and its targets as small bar charts, each
// number a button that opens the reader where the plan writes it; or a partner's origins, with
// their fields, modes, sites, documents and years, as a table. Lays out core/profiles.ts.
import { scaleLinear } from 'd3-scale';
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OriginProfile, PartnerOrigin, PartnerProfile, Profile } from '../core/profiles.ts';
import type { Counted } from '../core/summary.ts';
import type { DocumentTargets, TargetMark, UnitChart } from '../core/target-charts.ts';
import type { Names } from '../core/types.ts';
import { count, formatList, formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { nameWithSecond } from './card-text.ts';
import { panelStyles, smallButtonStyles } from './shared-styles.ts';

const COMPARATOR_SIGN = { 'at-least': '≥', 'at-most': '≤', exactly: '' } as const;
/** The chart's width in CSS pixels (the card's inner width), the bars' share of it. */
const CHART_WIDTH = 340;
const BAR_AREA = 150;
const ROW = 20;

@customElement('atlas-profile')
export class ProfileView extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property({ attribute: false }) profile: Profile | null = null;

  static override styles = [
    panelStyles,
    smallButtonStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 12px 0 4px;
        font-size: 12.5px;
        color: var(--ink-muted);
      }
      h4 {
        margin: 8px 0 2px;
        font-size: 12px;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .chip {
        padding: 1px 7px;
        border-radius: 999px;
        background: var(--chip);
        font-size: 12px;
      }
      .docs li {
        margin-bottom: 4px;
        font-size: 12.5px;
      }
      time {
        font-variant-numeric: tabular-nums;
      }
      svg {
        display: block;
        overflow: visible;
      }
      svg text {
        font-size: 11px;
        fill: var(--ink);
      }
      svg .muted {
        fill: var(--ink-muted);
      }
      svg a {
        cursor: pointer;
      }
      svg a:focus-visible {
        outline: 2px solid var(--focus);
      }
      svg a text.value {
        fill: var(--focus);
        text-decoration: underline;
      }
      .small-button {
        margin-top: 6px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 12px;
      }
      th,
      td {
        padding: 3px 4px;
        border-bottom: 1px solid var(--rule);
        text-align: start;
        vertical-align: top;
      }
      th[scope='col'] {
        color: var(--ink-muted);
        font-weight: 600;
      }
      .muted {
        color: var(--ink-muted);
      }
      p {
        margin: 4px 0;
        font-size: 12.5px;
      }
    `,
  ];

  private read(mark: TargetMark): void {
    const detail = { doc: mark.target.doc, start: mark.start, end: mark.end };
    this.dispatchEvent(new CustomEvent('read', { detail, bubbles: true, composed: true }));
  }

  /**
   * A number, as the plan writes it, that opens the reader there: an SVG link, focusable, named
   * by its measure, value, unit and year (the visible words within the name).
   */
  private value(mark: TargetMark, x: number, y: number, anchor: 'start' | 'end' = 'start') {
    const { loc } = this;
    const { target } = mark;
    const value = `${COMPARATOR_SIGN[target.comparator]}${target.value}`;
    const unit = loc.name(target.unit);
    const text = `${value} ${unit}`;
    const when =
      target.year === null ? loc.t('profile.undated') : loc.t(target.status === 'achieved' ? 'profile.achieved' : 'profile.goal', { year: target.year });
    const activate = (event: Event) => {
      event.preventDefault();
      this.read(mark);
    };
    return svg`<a href="#" role="button" aria-label=${loc.t('profile.read', { subject: loc.name(target.subject), value, unit, when })}
        @click=${activate} @keydown=${(event: KeyboardEvent) => (event.key === 'Enter' || event.key === ' ') && activate(event)}>
      <text class="value" x=${x} y=${y} text-anchor=${anchor}>${text}</text>
    </a>`;
  }

  /** One unit's targets on one scale: a bar each, its subject, value and year. */
  private unitChart(chart: UnitChart, colour: string) {
    const { loc } = this;
    const x = scaleLinear().domain([0, chart.max]).range([0, BAR_AREA]);
    const height = chart.marks.length * (2 * ROW) + 4;
    return svg`<svg width=${CHART_WIDTH} height=${height} role="group" aria-label=${loc.name(chart.unit)}>
      ${chart.marks.map((mark, i) => {
        const y = i * 2 * ROW;
        const year = mark.target.year === null ? '' : loc.t('profile.by', { year: mark.target.year });
        const kind = [chart.perYear ? loc.t('profile.perYear') : '', year].filter((part) => part !== '').join(' · ');
        return svg`<text x="0" y=${y + 12}>${loc.name(mark.target.subject)}</text>
          <rect x="0" y=${y + 17} width=${Math.max(1, x(mark.number))} height="10" rx="2" fill=${colour}></rect>
          ${this.value(mark, x(mark.number) + 6, y + 26)}
          <text class="muted" x=${CHART_WIDTH} y=${y + 26} text-anchor="end">${kind}</text>`;
      })}
    </svg>`;
  }

  /** Achieved against target for each measure: two bars on the measure's own scale. */
  private pairsChart(doc: DocumentTargets, colour: string) {
    const { loc } = this;
    const height = doc.pairs.length * (3 * ROW) + 4;
    return svg`<svg width=${CHART_WIDTH} height=${height} role="group" aria-label=${loc.t('profile.pairs', { achieved: doc.pairs[0]!.achieved.target.year ?? '', goal: doc.pairs[0]!.goal.target.year ?? '' })}>
      ${doc.pairs.map((pair, i) => {
        const x = scaleLinear().domain([0, Math.max(pair.achieved.number, pair.goal.number)]).range([0, BAR_AREA]);
        const y = i * 3 * ROW;
        const bar = (mark: TargetMark, row: number, fill: string) => svg`
          <text class="muted" x="0" y=${y + row * ROW + 26}>${mark.target.year ?? ''}</text>
          <rect x="34" y=${y + row * ROW + 17} width=${Math.max(1, x(mark.number))} height="10" rx="2" fill=${fill}></rect>
          ${this.value(mark, 34 + x(mark.number) + 6, y + row * ROW + 26)}`;
        return svg`<text x="0" y=${y + 12}>${loc.name(pair.subject)}</text>
          ${bar(pair.achieved, 0, `color-mix(in srgb, ${colour} 45%, white)`)}
          ${bar(pair.goal, 1, colour)}`;
      })}
    </svg>`;
  }

  private counted(items: Counted<Names & { id?: string }>[]) {
    const { loc } = this;
    return html`<div class="chips">${items.map(({ item, ties }) => html`<span class="chip">${loc.name(item)} ${formatNumber(loc, ties)}</span>`)}</div>`;
  }

  private origin(profile: OriginProfile) {
    const { loc } = this;
    const colour = `var(--origin-${profile.origin.id})`;
    return html`<h3>${loc.t('profile.documents')}</h3>
      <ul class="docs">
        ${profile.documents.map(
          (doc) => html`<li>${nameWithSecond(loc, doc, ' / ')} · ${loc.name(doc.issuer)} · <time datetime=${doc.date}>${doc.date}</time></li>`,
        )}
      </ul>
      ${profile.ties === 0
        ? html`<p>${loc.t('profile.none')}</p>`
        : html`<p class="muted">${loc.t('profile.kept', { ties: count(loc, 'ties', profile.ties) })}</p>
            <h3>${loc.t('profile.partners')}</h3>
            ${profile.partnersByKind.map(({ kind, partners }) => html`<h4>${loc.t(`partner.kind.${kind}`)}</h4>${this.counted(partners)}`)}
            <h3>${loc.t('profile.regions')}</h3>
            ${profile.partnersByRegion.map(({ group, partners }) => html`<h4>${group ? loc.name(group) : loc.t('matrix.other')}</h4>${this.counted(partners)}`)}
            ${profile.fields.length > 0 ? html`<h3>${loc.t('card.fields')}</h3>${this.counted(profile.fields)}` : nothing}
            ${profile.modes.length > 0 ? html`<h3>${loc.t('card.modes')}</h3>${this.counted(profile.modes)}` : nothing}
            ${profile.sites.length > 0 ? html`<h3>${loc.t('profile.sites')}</h3>${this.counted(profile.sites)}` : nothing}`}
      <h3>${loc.t('profile.targets')}</h3>
      ${profile.targets.length === 0
        ? html`<p>${loc.t('profile.targets.none')}</p>`
        : html`${profile.targets.map(
              (doc) => html`<h4>${loc.name(doc.document)} (${doc.document.date.slice(0, 4)})</h4>
                ${doc.pairs.length > 0 ? this.pairsChart(doc, colour) : nothing} ${doc.charts.map((chart) => this.unitChart(chart, colour))}`,
            )}
            <button class="small-button" @click=${() => this.dispatchEvent(new CustomEvent('targets-csv', { detail: profile.origin.id, bubbles: true, composed: true }))}>
              ${loc.t('profile.targets.csv')}
            </button>`}`;
  }

  private partner(profile: PartnerProfile) {
    const { loc } = this;
    if (profile.origins.length === 0) return html`<p>${loc.t('profile.none')}</p>`;
    const names = (items: { item: Names }[] | Names[]) => formatList(loc, items.map((entry) => loc.name('item' in entry ? entry.item : entry)));
    const row = (entry: PartnerOrigin) => html`<tr>
      <th scope="row">${loc.name(entry.origin)}<br />${count(loc, 'ties', entry.ties)}</th>
      <td>${names(entry.fields)}${entry.modes.length > 0 ? html`<br /><span class="muted">${names(entry.modes)}</span>` : nothing}</td>
      <td>${entry.sites.length > 0 ? names(entry.sites) : '–'}</td>
      <td>${entry.documents.map((doc) => html`<div>${loc.name(doc)} (<time datetime=${doc.date}>${doc.date.slice(0, 4)}</time>)</div>`)}</td>
    </tr>`;
    return html`<p class="muted">${loc.t('profile.kept', { ties: count(loc, 'ties', profile.ties) })}</p>
      <h3>${loc.t('profile.origins')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">${loc.t('profile.origin')}</th>
            <th scope="col">${loc.t('card.fields')} · ${loc.t('card.modes')}</th>
            <th scope="col">${loc.t('profile.sites')}</th>
            <th scope="col">${loc.t('profile.documents')} (${loc.t('profile.years')})</th>
          </tr>
        </thead>
        <tbody>
          ${profile.origins.map(row)}
        </tbody>
      </table>`;
  }

  override render() {
    const { profile, loc } = this;
    if (!profile) return nothing;
    return html`<section aria-label=${loc.t('profile.title')} lang=${loc.tag}>
      ${profile.kind === 'origin' ? this.origin(profile) : this.partner(profile)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-profile': ProfileView;
  }
  interface HTMLElementEventMap {
    'targets-csv': CustomEvent<string>;
  }
}
