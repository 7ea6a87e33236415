// The filter panel: a group of checkboxes per facet (origin, field, mode, kind of partner, region,
// document), each option with the number of ties it would keep given the other facets' choices,
// so that a choice leading nowhere shows before it is made. Options at 0 stay (dimmed, and said
// to be 0) so that the way back is never hidden. Driven by its properties; a change is reported
// as `filters-change` with the new Filters for the host to apply and pass back.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { FACETS, isFiltered, NO_FILTERS, type Facet, type FacetCounts, type Filters } from '../core/filters.ts';
import type { FacetOption } from '../core/facet-options.ts';
import { controlStyles } from './control-styles.ts';
import { count, formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { panelStyles } from './shared-styles.ts';

const FACET_LABELS: Record<Facet, MessageKey> = {
  origin: 'filters.facet.origin',
  field: 'filters.facet.field',
  mode: 'filters.facet.mode',
  kind: 'filters.facet.kind',
  group: 'filters.facet.group',
  doc: 'filters.facet.doc',
  year: 'filters.facet.year',
};

/** An option's words, and its second line (a document's origin and date). */
function optionLabel(loc: Localizer, option: FacetOption): { label: string; detail: string | null } {
  switch (option.kind) {
    case 'named':
      return { label: loc.name(option.names), detail: null };
    case 'origin':
      return { label: loc.name(option.origin), detail: null };
    case 'partner-kind':
      return { label: loc.t(`partner.kind.${option.id}`), detail: null };
    case 'document':
      return { label: loc.name(option.names), detail: `${loc.name(option.origin)} · ${option.date}` };
    case 'year':
      return { label: loc.t('filters.year', { year: option.id }), detail: null };
  }
}

@customElement('atlas-filters')
export class FilterPanel extends LitElement {
  /** What each facet offers (AtlasModel.facetOptions). */
  @property({ attribute: false }) options: Record<Facet, FacetOption[]> | null = null;
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property({ attribute: false }) filters: Filters = NO_FILTERS;
  /** AtlasModel.counts: per facet and option, the ties it would keep given the other facets. */
  @property({ attribute: false }) counts: FacetCounts | null = null;
  /** Ties the filters keep. */
  @property({ type: Number }) kept = 0;
  /** Ties in the dataset. */
  @property({ type: Number }) total = 0;

  /** Which facets are unfolded: the origins to begin with, so that the panel fits a phone, and any with a choice. */
  @state() private open: ReadonlySet<Facet> = new Set<Facet>(['origin']);

  static override styles = [
    panelStyles,
    controlStyles,
    css`
      .panel {
        box-sizing: border-box;
        max-height: var(--filters-max-height, none);
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.3em 0.8em;
        padding: 0.7em 0.85em 0.6em;
        border-bottom: 1px solid var(--rule, #e6e1d6);
      }
      h2 {
        font-size: 1.1em;
      }
      .summary {
        flex: 1 1 auto;
        margin: 0;
        color: var(--ink-muted, #5d636d);
      }
      .reset {
        min-height: 2.2em;
        padding: 0.2em 0.8em;
        border: 1px solid var(--rule-strong, #cfc8b9);
        border-radius: 6px;
        background: var(--panel, #fffefb);
      }
      .reset:not([aria-disabled='true']):hover {
        background: var(--chip, #f0ece3);
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: none;
        border-bottom: 1px solid var(--rule, #e6e1d6);
        min-width: 0;
      }
      fieldset:last-of-type {
        border-bottom: none;
      }
      legend {
        display: block;
        width: 100%;
        padding: 0;
      }
      .toggle {
        display: flex;
        align-items: center;
        gap: 0.5em;
        box-sizing: border-box;
        width: 100%;
        min-height: 2.6em;
        padding: 0.35em 0.85em;
        border: none;
        background: transparent;
        text-align: start;
        font-weight: 600;
      }
      .toggle:hover {
        background: var(--chip, #f0ece3);
      }
      .toggle:focus-visible {
        outline-offset: -3px;
      }
      .chevron {
        display: inline-block;
        width: 0.8em;
        transition: transform 0.15s;
      }
      .toggle[aria-expanded='true'] .chevron {
        transform: rotate(90deg);
      }
      .chosen {
        margin-inline-start: auto;
        padding: 0 0.55em;
        border-radius: 999px;
        background: var(--ink, #262a31);
        color: var(--panel, #fffefb);
        font-size: 0.85em;
        font-weight: 400;
      }
      .options {
        display: grid;
        gap: 0.1em;
        padding: 0 0.5em 0.6em;
      }
      .options[hidden] {
        display: none;
      }
      label {
        display: flex;
        align-items: flex-start;
        gap: 0.5em;
        min-height: 2.2em;
        padding: 0.3em 0.35em;
        border-radius: 5px;
        cursor: pointer;
      }
      label:hover {
        background: var(--chip, #f0ece3);
      }
      input {
        flex: none;
        width: 1.15em;
        height: 1.15em;
        margin: 0.15em 0 0;
        accent-color: var(--ink, #262a31);
        cursor: pointer;
      }
      .text {
        flex: 1 1 auto;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .detail {
        display: block;
        color: var(--ink-muted, #5d636d);
        font-size: 0.88em;
      }
      .swatch {
        margin: 0.3em 0 0;
      }
      .count {
        flex: none;
        min-width: 2ch;
        padding: 0 0.4em;
        border-radius: 4px;
        background: var(--chip, #f0ece3);
        text-align: end;
      }
      /* 0 given the other facets: muted (still readable: it stays a choice), the count in a
         dashed outline instead of a filled badge as a second cue. */
      .zero .text {
        color: var(--ink-muted, #5d636d);
      }
      .zero .swatch {
        opacity: 0.4;
      }
      .zero .count {
        background: transparent;
        outline: 1px dashed var(--rule-strong, #cfc8b9);
        outline-offset: -1px;
        color: var(--ink-muted, #5d636d);
      }
      .chosen-option .text {
        font-weight: 600;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A facet with a choice in it is unfolded (a shared link's filters are seen); none is folded here.
    if (changed.has('filters')) {
      const chosen = FACETS.filter((facet) => this.filters[facet].length > 0 && !this.open.has(facet));
      if (chosen.length > 0) this.open = new Set([...this.open, ...chosen]);
    }
  }

  private change(facet: Facet, id: string, on: boolean): void {
    const chosen = new Set(this.filters[facet]);
    if (on) chosen.add(id);
    else chosen.delete(id);
    // In the dataset's order, so that equal choices make equal filters (and URLs).
    const values = (this.options?.[facet] ?? []).map((o) => o.id).filter((o) => chosen.has(o));
    this.emit({ ...this.filters, [facet]: values });
  }

  private reset(): void {
    if (isFiltered(this.filters)) this.emit({ ...NO_FILTERS });
  }

  private emit(filters: Filters): void {
    this.dispatchEvent(new CustomEvent('filters-change', { detail: filters, bubbles: true, composed: true }));
  }

  private toggle(facet: Facet): void {
    const open = new Set(this.open);
    if (open.has(facet)) open.delete(facet);
    else open.add(facet);
    this.open = open;
  }

  private option(loc: Localizer, facet: Facet, option: FacetOption): TemplateResult {
    const n = this.counts?.[facet].get(option.id) ?? 0;
    const chosen = this.filters[facet].includes(option.id);
    const classes = `${n === 0 ? 'zero' : ''} ${chosen ? 'chosen-option' : ''}`;
    const { label, detail } = optionLabel(loc, option);
    // The name screen readers give the box: the option and its count (“云南,70 项合作”).
    const name = loc.t('filters.option', { name: detail ? `${label} ${detail}` : label, ties: count(loc, 'ties', n) });
    return html`<label class=${classes}>
      <input
        type="checkbox"
        .checked=${live(chosen)}
        aria-label=${name}
        aria-describedby=${n === 0 ? 'zero-note' : nothing}
        @change=${(event: Event) => this.change(facet, option.id, (event.target as HTMLInputElement).checked)}
      />
      ${option.kind === 'origin' ? html`<span class="swatch" ${styleProperties({ background: `var(--origin-${option.id})` })}></span>` : nothing}
      <span class="text">${label}${detail ? html`<span class="detail">${detail}</span>` : nothing}</span>
      <span class="count" aria-hidden="true">${formatNumber(loc, n)}</span>
    </label>`;
  }

  private facet(loc: Localizer, facet: Facet, options: FacetOption[]): TemplateResult {
    const open = this.open.has(facet);
    const chosen = this.filters[facet].length;
    return html`<fieldset>
      <legend>
        <button class="toggle" aria-expanded=${open} aria-controls="options-${facet}" @click=${() => this.toggle(facet)}>
          <span class="chevron" aria-hidden="true">▸</span>
          <span>${loc.t(FACET_LABELS[facet])}</span>
          ${chosen > 0 ? html`<span class="chosen">${loc.t('filters.chosen', { n: formatNumber(loc, chosen) })}</span>` : nothing}
        </button>
      </legend>
      <div class="options" id="options-${facet}" ?hidden=${!open}>${options.map((o) => this.option(loc, facet, o))}</div>
    </fieldset>`;
  }

  override render() {
    const { loc, options } = this;
    const filtered = isFiltered(this.filters);
    return html`<section class="panel" aria-labelledby="filters-title" lang=${loc.tag}>
      <header>
        <h2 id="filters-title">${loc.t('filters.title')}</h2>
        <p class="summary">${loc.t('filters.summary', { kept: formatNumber(loc, this.kept), total: formatNumber(loc, this.total) })}</p>
        <!-- aria-disabled, not disabled: the button keeps the focus it had when it reset everything. -->
        <button class="reset" aria-disabled=${filtered ? 'false' : 'true'} @click=${() => this.reset()}>${loc.t('filters.reset')}</button>
      </header>
      ${options ? FACETS.map((facet) => this.facet(loc, facet, options[facet])) : nothing}
      <p id="zero-note" hidden>${loc.t('filters.zero')}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-filters': FilterPanel;
  }
  interface HTMLElementEventMap {
    'filters-change': CustomEvent<Filters>;
  }
}
