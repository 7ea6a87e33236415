// The table of ties: one row per piece of evidence the filters keep (the CSV's rows), with the
// quote and a way into the source. A real <table>: sortable headers (aria-sort), and rows reached
// with Tab then moved through with the arrow keys (one row in the tab order at a time: roving
// tabindex), Enter selecting the row's link on the map. The rows of the current selection are
// highlighted (background, a bar and a marker, and “selected” for screen readers) and the first
// of them scrolled into view. Rows are drawn a page at a time (scrolling near the end, “show
// more”, or arrowing past the last), so that 10,000 rows cost what 24 do: a page more than fills
// the tallest table box (45% of a 4K screen, some 970 px, holds 14 of the shortest rows), and
// every filter change redraws it.
// Reports `table-select` and `open-reader`.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Selection } from '../core/selection.ts';
import { selectionMatcher, sortedOrder, type SortDirection } from '../core/table-view.ts';
import type { Tie } from '../core/tie.ts';
import type { Names, VocabularyTerm } from '../core/types.ts';
import { controlStyles } from './control-styles.ts';
import { count, formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { panelStyles } from './shared-styles.ts';

export const TABLE_COLUMNS_SHOWN = ['origin', 'partner', 'site', 'fields', 'modes', 'doc', 'quote'] as const;
export type ShownColumn = (typeof TABLE_COLUMNS_SHOWN)[number];
type SortColumn = Exclude<ShownColumn, 'quote'>;

const COLUMN_LABELS: Record<ShownColumn, MessageKey> = {
  origin: 'table.col.origin',
  partner: 'table.col.partner',
  site: 'table.col.site',
  fields: 'table.col.fields',
  modes: 'table.col.modes',
  doc: 'table.col.doc',
  quote: 'table.col.quote',
};

/** Quotes longer than this are clamped to three lines, with a button for the whole. */
const LONG_QUOTE = 48;

export interface ReaderRequest {
  doc: string;
  start: number;
  end: number;
}

const PAGE_KEYS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

@customElement('atlas-table')
export class TieTable extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** The kept ties, in the table's order (AtlasModel.tableRows). Shown so until a column is sorted. */
  @property({ attribute: false }) rows: readonly Tie[] = [];
  @property({ attribute: false }) selection: Selection | null = null;
  /** Rows drawn at first and added by each “show more”. */
  @property({ type: Number }) pageSize = 24;

  @state() private sort: { column: SortColumn; direction: SortDirection } | null = null;
  /** How many rows (in display order) are drawn. */
  @state() private shown = 0;
  /** The position (in display order) of the row in the tab order. */
  @state() private active = 0;
  /** Rows (by index in `rows`) whose whole quote is shown. */
  @state() private expanded: ReadonlySet<number> = new Set();
  /** Said to screen readers after a sort. */
  @state() private announcement = '';

  @query('.scroll') private scroller!: HTMLElement;
  @query('.more') private moreBar!: HTMLElement | null;
  /** Draws the next page when the “show more” bar comes near the visible part of the table. */
  private nearEnd: IntersectionObserver | null = null;
  /** Tells when the table comes on screen (its drawer opened) or leaves it, for a scroll that waited (see scrollWhenShown). */
  private onScreen: IntersectionObserver | null = null;
  /** Whether the table is on screen, as onScreen last said: asking the browser instead costs a style pass on every update. */
  private visible = false;
  private watched: Element | null = null;

  /** Display position → index in `rows`. */
  private order: number[] = [];
  /** Per index in `rows`: in the current selection. */
  private selected: Uint8Array = new Uint8Array(0);
  private scrollPending = false;
  /** Whether the table's box is scrolled down (kept by its scroll events: reading it costs a layout). */
  private scrolled = false;
  private readonly onScroll = () => {
    this.scrolled = this.scroller.scrollTop > 0;
  };

  static override styles = [
    panelStyles,
    controlStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        max-height: var(--table-max-height, 70vh);
      }
      /* The table scrolls within the width it is given: its own width (min 64em) never widens
         the page or the host's container. */
      .scroll {
        /* The containing block of the cells' screen-reader texts, so that they are clipped too. */
        position: relative;
        flex: 1 1 auto;
        min-height: 0;
        overflow: auto;
        overscroll-behavior: contain;
        contain: inline-size;
      }
      /* Fixed layout: column widths come from the <col>s, not from measuring every cell, which
         is what keeps a long table quick to lay out. */
      table {
        table-layout: fixed;
        width: 100%;
        min-width: 64em;
        border-collapse: separate;
        border-spacing: 0;
      }
      col.origin {
        width: 8.5em;
      }
      col.partner,
      col.site {
        width: 12%;
      }
      col.fields,
      col.modes {
        width: 11%;
      }
      col.doc {
        width: 11em;
      }
      col.quote {
        width: auto;
      }
      caption {
        padding: 0.6em 0.75em;
        text-align: start;
        font-weight: 600;
        font-size: 1.05em;
      }
      th,
      td {
        padding: 0.45em 0.6em;
        border-bottom: 1px solid var(--rule, #e6e1d6);
        text-align: start;
        vertical-align: top;
      }
      thead th {
        position: sticky;
        z-index: 1;
        top: 0;
        background: var(--panel, #fffefb);
        border-bottom: 2px solid var(--rule-strong, #cfc8b9);
        font-weight: 600;
      }
      /* Long words break only when they must; English ones hyphenate. */
      td {
        overflow-wrap: break-word;
        hyphens: auto;
      }
      th button {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        min-height: 2em;
        margin: -0.2em -0.35em;
        padding: 0.2em 0.35em;
        border: none;
        border-radius: 4px;
        background: transparent;
        font-weight: 600;
        text-align: start;
      }
      th button:hover {
        background: var(--chip, #f0ece3);
      }
      .arrow {
        color: var(--ink-muted, #5d636d);
        font-size: 0.85em;
      }
      th[aria-sort] .arrow {
        color: var(--ink, #262a31);
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover td {
        background: var(--quote, #faf8f3);
      }
      tbody tr:focus-visible {
        outline: 3px solid var(--control-focus);
        outline-offset: -3px;
      }
      /* The selection: a background, a bar at the start and a marker, not colour alone. */
      tr.selected td {
        background: var(--highlight);
      }
      tr.selected td:first-child {
        box-shadow: inset 5px 0 0 var(--highlight-edge);
      }
      .marker {
        display: inline-block;
        width: 1.1em;
        color: var(--highlight-edge);
      }
      .origin .swatch {
        margin-inline-end: 0.35em;
        vertical-align: 0.05em;
      }
      .place {
        display: block;
        padding-inline-start: 1.1em;
        color: var(--ink-muted, #5d636d);
        font-size: 0.9em;
      }
      .kind,
      time {
        display: block;
        color: var(--ink-muted, #5d636d);
        font-size: 0.88em;
      }
      time {
        font-variant-numeric: tabular-nums;
      }
      .doc-title {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow: hidden;
      }
      .quote-text {
        display: block;
        overflow-wrap: anywhere;
      }
      .quote-text.clamped {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 3;
        overflow: hidden;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        margin-top: 0.3em;
      }
      .actions button,
      .more button {
        min-height: 2em;
        padding: 0.15em 0.65em;
        border: 1px solid var(--rule-strong, #cfc8b9);
        border-radius: 5px;
        background: var(--panel, #fffefb);
        font-size: 0.92em;
      }
      .actions button:hover,
      .more button:hover {
        background: var(--chip, #f0ece3);
      }
      .none {
        color: var(--ink-muted, #5d636d);
      }
      /* Parts every row has, shown only when they hold something (see cell). */
      [hidden] {
        display: none !important;
      }
      .empty td {
        padding: 1.2em;
        color: var(--ink-muted, #5d636d);
        cursor: default;
      }
      .more {
        position: sticky;
        left: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
        padding: 0.6em 0.75em;
        color: var(--ink-muted, #5d636d);
      }
      @media (forced-colors: active) {
        tr.selected td:first-child {
          border-inline-start: 5px solid Highlight;
        }
      }
    `,
  ];

  // ---- Words for cells ----

  private text(names: Names): string {
    return this.loc.name(names);
  }

  private originText({ origin, place }: Tie): { origin: string; place: string | null } {
    return { origin: this.text(origin), place: origin.adcode === place.adcode ? null : this.text(place) };
  }

  private terms(terms: readonly VocabularyTerm[]): string {
    return terms.map((term) => this.text(term)).join(this.loc.lang === 'en' ? ', ' : '、');
  }

  private sortKey(column: SortColumn, row: Tie): string {
    switch (column) {
      case 'origin': {
        const { origin, place } = this.originText(row);
        return place ? `${origin} ${place}` : origin;
      }
      case 'partner':
        return this.text(row.partner);
      case 'site':
        return row.site ? this.text(row.site) : '';
      case 'fields':
        return this.terms(row.fields);
      case 'modes':
        return this.terms(row.modes);
      case 'doc':
        return `${row.document.date} ${this.text(row.document)}`;
    }
  }

  // ---- State from properties ----

  protected override willUpdate(changed: PropertyValues): void {
    // New rows or a new order start again at the top, one page drawn.
    if (changed.has('rows') || changed.has('sort')) {
      this.shown = Math.min(this.rows.length, this.pageSize);
      // Only when scrolled: scrollTo forces a layout of the whole page before the table has
      // even rendered, which a filter change would pay every time.
      if (this.scrolled) this.scroller?.scrollTo({ top: 0 });
    }
    if (changed.has('rows')) {
      this.active = 0;
      if (this.expanded.size > 0) this.expanded = new Set();
    }
    if (changed.has('rows') || changed.has('sort') || (this.sort && changed.has('loc'))) {
      this.order = this.sortedOrder();
    }
    const reorder = changed.has('rows') || changed.has('sort');
    const reselect = changed.has('rows') || changed.has('selection');
    if (reselect) this.selected = this.selectedRows();
    if (reorder || reselect) {
      const first = this.order.findIndex((i) => this.selected[i] === 1);
      if (first >= 0) {
        this.reveal(first);
        this.active = first;
        // Scrolled to when the selection changes (or the rows under it), not on every sort.
        if (changed.has('selection') || changed.has('rows')) this.scrollPending = true;
      } else if (reorder) this.active = 0;
    }
    if (this.active >= this.shown) this.active = Math.max(0, this.shown - 1);
  }

  private sortedOrder(): number[] {
    const identity = this.rows.map((_, i) => i);
    if (!this.sort) return identity;
    const { column, direction } = this.sort;
    const keys = this.rows.map((row) => this.sortKey(column, row));
    return sortedOrder(keys, direction, new Intl.Collator(this.loc.tag, { numeric: true }).compare);
  }

  private selectedRows(): Uint8Array {
    const flags = new Uint8Array(this.rows.length);
    const matches = selectionMatcher(this.selection);
    if (matches) this.rows.forEach((row, i) => (flags[i] = matches(row) ? 1 : 0));
    return flags;
  }

  /** Draws enough pages to include the row at `position`. */
  private reveal(position: number): void {
    if (position >= this.shown) this.shown = Math.min(this.rows.length, Math.ceil((position + 1) / this.pageSize) * this.pageSize);
  }

  private showMore(): void {
    this.shown = Math.min(this.rows.length, this.shown + this.pageSize);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a page: the next update watches the end of the rows again.
    this.requestUpdate();
    this.onScreen ??= new IntersectionObserver((entries) => {
      this.visible = entries.at(-1)!.isIntersecting;
      this.scrollWhenShown();
    });
    this.onScreen.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.nearEnd?.disconnect();
    this.nearEnd = this.watched = null;
    this.onScreen?.disconnect();
    this.visible = false;
  }

  /**
   * Watches the “show more” bar; watched afresh whenever rows were added, because the observer
   * speaks only when the bar enters or leaves the margin: a bar still within it after a page
   * (short rows, a tall screen) would otherwise never ask for the next.
   */
  private watchEnd(rowsAdded: boolean): void {
    if (this.moreBar === this.watched && !rowsAdded) return;
    this.nearEnd ??= new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.showMore(), {
      root: this.scroller,
      rootMargin: '0px 0px 300px 0px',
    });
    if (this.watched) this.nearEnd.unobserve(this.watched);
    this.watched = this.moreBar;
    if (this.watched) this.nearEnd.observe(this.watched);
  }

  protected override updated(changed: PropertyValues): void {
    this.watchEnd(changed.has('shown'));
    this.scrollWhenShown();
  }

  /**
   * Scrolls to the selection's row once the table is on screen. In a closed drawer, measuring a
   * row would make the browser lay out every row it holds (a quarter of a second at 10,000 ties)
   * on every selection; the scroll waits until the drawer opens (see connectedCallback).
   */
  private scrollWhenShown(): void {
    if (!this.scrollPending || !this.visible) return;
    this.scrollPending = false;
    const row = this.rowElement(this.active);
    if (row) this.scrollWithin(row);
  }

  /** Scrolls the table's own box (not the page, not the map) so the row is in view below the header. */
  private scrollWithin(row: HTMLElement): void {
    const box = this.scroller.getBoundingClientRect();
    const head = this.renderRoot.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const at = row.getBoundingClientRect();
    if (at.top < box.top + head || at.bottom > box.bottom) this.scroller.scrollTop += at.top - box.top - head - 4;
  }

  private rowElement(position: number): HTMLElement | null {
    return this.renderRoot.querySelector(`tr[data-pos="${position}"]`);
  }

  // ---- Events out ----

  private emit<K extends 'table-select' | 'open-reader'>(name: K, detail: HTMLElementEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private selectRow(position: number): void {
    const row = this.rows[this.order[position]!];
    if (row) this.emit('table-select', { kind: 'link', id: row.link.id });
  }

  private openReader(position: number): void {
    const row = this.rows[this.order[position]!];
    if (row) this.emit('open-reader', { doc: row.document.id, start: row.evidence.start, end: row.evidence.end });
  }

  // ---- Interaction ----

  private sortBy(column: SortColumn): void {
    const current = this.sort?.column === column ? this.sort.direction : null;
    const direction: SortDirection | null = current === null ? 'ascending' : current === 'ascending' ? 'descending' : null;
    this.sort = direction && { column, direction };
    const label = this.loc.t(COLUMN_LABELS[column]);
    this.announcement = direction ? this.loc.t(`table.sorted.${direction}`, { column: label }) : this.loc.t('table.sorted.none');
  }

  private async focusRow(position: number): Promise<void> {
    const target = Math.max(0, Math.min(this.rows.length - 1, position));
    this.reveal(target);
    this.active = target;
    await this.updateComplete;
    const row = this.rowElement(target);
    if (row) {
      row.focus({ preventScroll: true });
      this.scrollWithin(row);
    }
  }

  private positionOf(event: Event): number | null {
    const row = (event.target as Element).closest?.('tr[data-pos]');
    return row ? Number(row.getAttribute('data-pos')) : null;
  }

  private onClick(event: MouseEvent): void {
    const position = this.positionOf(event);
    if (position === null) return;
    const button = (event.target as Element).closest('button[data-action]');
    const action = button?.getAttribute('data-action');
    if (action === 'open') this.openReader(position);
    else if (action === 'expand') {
      const i = this.order[position]!;
      const expanded = new Set(this.expanded);
      if (expanded.has(i)) expanded.delete(i);
      else expanded.add(i);
      this.expanded = expanded;
    } else if (!button && !window.getSelection()?.toString()) this.selectRow(position);
  }

  private onKeydown(event: KeyboardEvent): void {
    const position = this.positionOf(event);
    if (position === null) return;
    const onRow = (event.target as Element).matches('tr');
    const step = PAGE_KEYS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      void this.focusRow(position + step);
    } else if (onRow && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      void this.focusRow(event.key === 'Home' ? 0 : this.shown - 1);
    } else if (onRow && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.selectRow(position);
    }
  }

  private onFocusIn(event: FocusEvent): void {
    const position = this.positionOf(event);
    if (position !== null && position !== this.active) this.active = position;
  }

  // ---- Drawing ----

  private header(loc: Localizer, column: ShownColumn): TemplateResult {
    const label = loc.t(COLUMN_LABELS[column]);
    if (column === 'quote') return html`<th scope="col" class=${column}>${label}</th>`;
    const direction = this.sort?.column === column ? this.sort.direction : null;
    const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
    return html`<th scope="col" class=${column} aria-sort=${direction ?? nothing}>
      <button @click=${() => this.sortBy(column)}>${label}<span class="arrow" aria-hidden="true">${arrow}</span></button>
    </th>`;
  }

  /**
   * A cell's text, or a dash (said as “none” to screen readers) where there is none. Every row
   * has the same template, whatever it holds: a new page of rows then only rewrites texts and
   * attributes, where a template that changed with the content would be rebuilt cell by cell.
   */
  private cell(loc: Localizer, text: string): TemplateResult {
    return html`<span class=${text ? '' : 'none'} aria-hidden=${text ? nothing : 'true'}>${text || '—'}</span><span class="sr-only"
        >${text ? '' : loc.t('table.none')}</span
      >`;
  }

  private row(loc: Localizer, i: number, position: number): TemplateResult {
    const row = this.rows[i]!;
    const selected = this.selected[i] === 1;
    const tab = position === this.active ? 0 : -1;
    const { origin, place } = this.originText(row);
    const { quote } = row.evidence;
    const long = quote.length > LONG_QUOTE;
    const doc = this.text(row.document);
    const expanded = this.expanded.has(i);
    return html`<tr data-pos=${position} tabindex=${tab} class=${selected ? 'selected' : ''} aria-current=${selected ? 'true' : nothing}>
      <td class="origin">
        <span class="marker" aria-hidden="true">${selected ? '▶' : ''}</span><span
          class="swatch"
          ${styleProperties({ background: `var(--origin-${row.origin.id})` })}
        ></span
        >${origin}<span class="place" ?hidden=${!place}>${place ?? ''}</span><span class="sr-only"
          >${selected ? `(${loc.t('table.selected')})` : ''}</span
        >
      </td>
      <td>${this.text(row.partner)}<span class="kind">${loc.t(`partner.kind.${row.partner.kind}`)}</span></td>
      <td>${this.cell(loc, row.site ? this.text(row.site) : '')}</td>
      <td>${this.cell(loc, this.terms(row.fields))}</td>
      <td>${this.cell(loc, this.terms(row.modes))}</td>
      <td><span class="doc-title" title=${doc}>${doc}</span><time datetime=${row.document.date}>${row.document.date}</time></td>
      <td class="quote">
        <span class="quote-text ${long && !expanded ? 'clamped' : ''}" id="quote-${i}" lang="zh">${quote}</span>
        <span class="actions">
          <button data-action="expand" ?hidden=${!long} tabindex=${tab} aria-expanded=${expanded ? 'true' : 'false'} aria-controls="quote-${i}">
            ${loc.t('table.quote.full')}
          </button>
          <button data-action="open" tabindex=${tab}>${loc.t('table.open')}</button>
        </span>
      </td>
    </tr>`;
  }

  override render() {
    const { loc, rows } = this;
    const total = rows.length;
    const drawn = this.order.slice(0, this.shown);
    const next = Math.min(this.pageSize, total - this.shown);
    return html`<div class="scroll panel" lang=${loc.tag} @scroll=${this.onScroll}>
        <table aria-describedby="table-hint">
          <caption>
            ${loc.t('table.caption', { ties: count(loc, 'ties', total) })}
          </caption>
          <colgroup>
            ${TABLE_COLUMNS_SHOWN.map((column) => html`<col class=${column} />`)}
          </colgroup>
          <thead>
            <tr>
              ${TABLE_COLUMNS_SHOWN.map((column) => this.header(loc, column))}
            </tr>
          </thead>
          <tbody @click=${this.onClick} @keydown=${this.onKeydown} @focusin=${this.onFocusIn}>
            ${total === 0
              ? html`<tr class="empty">
                  <td colspan=${TABLE_COLUMNS_SHOWN.length}>${loc.t('table.empty')}</td>
                </tr>`
              : // Not keyed: a new order rewrites the text of the drawn rows in place, cheaper than
                // making new ones; what a row keeps (the quote unfolded) is kept by row index here.
                drawn.map((i, position) => this.row(loc, i, position))}
          </tbody>
        </table>
        ${next > 0
          ? html`<div class="more">
              <span>${loc.t('table.shown', { shown: formatNumber(loc, this.shown), total: formatNumber(loc, total) })}</span>
              <button @click=${this.showMore}>${loc.t('table.more', { n: formatNumber(loc, next) })}</button>
            </div>`
          : nothing}
      </div>
      <p class="sr-only" id="table-hint">${loc.t('table.hint')}</p>
      <p class="sr-only" role="status">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-table': TieTable;
  }
  interface HTMLElementEventMap {
    'table-select': CustomEvent<Extract<Selection, { kind: 'link' }>>;
    'open-reader': CustomEvent<ReaderRequest>;
  }
}
