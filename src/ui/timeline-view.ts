// The timeline view (`view=timeline`): the five documents by issue date, 2015 to 2021, each with
// what it added (its ties, the partners no earlier plan named, its targets), and the years to see
// the atlas as of: choosing one sets the `year` filter, which the map and every view follow.
// Lays out AtlasModel.timeline.
import { LitElement, css, html, nothing } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property } from 'lit/decorators.js';
import type { Timeline, TimelineEntry } from '../core/timeline.ts';
import { count, formatList } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { nameWithSecond } from './card-text.ts';
import { controlStyles } from './control-styles.ts';
import { panelStyles, smallButtonStyles } from './shared-styles.ts';

/** New partners named in full under an entry; the rest are counted. */
const NAMED_PARTNERS = 8;

@customElement('atlas-timeline')
export class TimelineView extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property({ attribute: false }) timeline: Timeline | null = null;
  /** The year the atlas is seen as of (the `year` filter), null for all. */
  @property({ attribute: false }) year: string | null = null;

  static override styles = [
    panelStyles,
    controlStyles,
    smallButtonStyles,
    css`
      section {
        padding: 10px 12px 14px;
      }
      h2 {
        font-size: 15px;
      }
      .years {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 8px 0 12px;
        padding: 0;
        border: none;
      }
      legend {
        padding: 0;
        margin-bottom: 4px;
        font-size: 12px;
        color: var(--ink-muted);
      }
      .years button {
        min-height: 30px;
        padding: 3px 10px;
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        background: var(--panel);
        font-variant-numeric: tabular-nums;
      }
      .years button[aria-pressed='true'] {
        background: var(--ink);
        color: var(--panel);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0 0 0 14px;
        border-left: 2px solid var(--rule-strong);
      }
      li {
        position: relative;
        margin: 0 0 14px;
      }
      li::before {
        content: '';
        position: absolute;
        left: -21px;
        top: 4px;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--dot);
        border: 2px solid var(--panel);
      }
      /* Issued after the chosen year: a hollow dot and the words say so (the text keeps its contrast). */
      li.later::before {
        background: var(--panel);
        border-color: var(--dot);
      }
      .close {
        float: right;
      }
      time {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      h3 {
        margin: 2px 0;
        font-size: 13px;
      }
      p {
        margin: 2px 0;
        font-size: 12.5px;
      }
      .muted {
        color: var(--ink-muted);
      }
    `,
  ];

  private choose(year: string | null): void {
    this.dispatchEvent(new CustomEvent('timeline-year', { detail: year, bubbles: true, composed: true }));
  }

  private entry(entry: TimelineEntry) {
    const { loc } = this;
    const later = this.year !== null && entry.year > this.year;
    const named = entry.newPartners.slice(0, NAMED_PARTNERS).map((partner) => loc.name(partner));
    const rest = entry.newPartners.length - named.length;
    return html`<li class=${later ? 'later' : ''} ${styleProperties({ '--dot': `var(--origin-${entry.origin.id})` })}>
      <time datetime=${entry.document.date}>${entry.document.date}</time>
      · ${loc.name(entry.origin)}${later ? html` · <span class="muted">${loc.t('timeline.later')}</span>` : nothing}
      <h3>${nameWithSecond(loc, entry.document, ' / ')}</h3>
      <p>
        ${loc.t('timeline.entry', {
          ties: count(loc, 'ties', entry.ties),
          partners: count(loc, 'partners', entry.partners),
          targets: loc.t('timeline.targets', { n: entry.targets }),
        })}
      </p>
      <p class="muted">
        ${named.length === 0
          ? loc.t('timeline.none')
          : loc.t('timeline.new', { names: formatList(loc, rest > 0 ? [...named, loc.t('timeline.more', { n: rest })] : named) })}
      </p>
      ${entry.newFields.length > 0
        ? html`<p class="muted">${loc.t('timeline.newFields', { names: formatList(loc, entry.newFields.map((field) => loc.name(field))) })}</p>`
        : nothing}
      ${entry.newSites.length > 0 ? html`<p class="muted">${loc.t('timeline.newSites', { n: entry.newSites.length })}</p>` : nothing}
    </li>`;
  }

  override render() {
    const { loc, timeline } = this;
    if (!timeline) return nothing;
    const yearButton = (year: string | null) =>
      html`<button aria-pressed=${this.year === year} @click=${() => this.choose(year)}>${year ?? loc.t('timeline.all')}</button>`;
    return html`<section class="panel" aria-labelledby="timeline-title" lang=${loc.tag}>
      <button class="small-button close" @click=${() => this.dispatchEvent(new CustomEvent('view-close', { bubbles: true, composed: true }))}>${loc.t('views.close')}</button>
      <h2 id="timeline-title">${loc.t('timeline.title', { first: timeline.years[0] ?? '', last: timeline.years.at(-1) ?? '' })}</h2>
      <fieldset class="years">
        <legend>${loc.t('timeline.year')}</legend>
        ${yearButton(null)} ${timeline.years.map((year) => yearButton(year))}
      </fieldset>
      <ol>
        ${timeline.entries.map((entry) => this.entry(entry))}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-timeline': TimelineView;
  }
  interface HTMLElementEventMap {
    'timeline-year': CustomEvent<string | null>;
    'view-close': CustomEvent<void>;
  }
}
