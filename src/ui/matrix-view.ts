// The matrix view (`view=matrix`): partners × the four origins, grouped by region, and fields ×
// origins beside it, as real tables. A partner's cell selects its tie (or the partner, when the
// ties run through several places) and so opens the card with its passages; a field's cell
// filters to that origin and field. Lays out AtlasModel.matrix; sorting is the reader's choice.
import { LitElement, css, html, nothing } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { MATRIX_ORDERS, type Matrix, type MatrixOrder, type MatrixRow } from '../core/matrix.ts';
import type { Partner, VocabularyTerm } from '../core/types.ts';
import { count, formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { controlStyles } from './control-styles.ts';
import { cellShade } from './matrix-shade.ts';
import { panelStyles, segmentedStyles, smallButtonStyles } from './shared-styles.ts';

/** A partner's cell: the links its ties belong to. */
export interface MatrixPick {
  partner: Partner;
  links: string[];
}

/** A field's cell: filter to this origin and field. */
export interface FieldPick {
  origin: string;
  field: string;
}

@customElement('atlas-matrix')
export class MatrixView extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** AtlasModel.matrix of the filters: the same matrix in either order. */
  @property({ attribute: false }) matrix: Record<MatrixOrder, Matrix> | null = null;
  @state() private order: MatrixOrder = 'count';

  static override styles = [
    panelStyles,
    controlStyles,
    segmentedStyles,
    smallButtonStyles,
    css`
      section {
        padding: 10px 12px 14px;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        justify-content: space-between;
      }
      h2 {
        font-size: 15px;
      }
      h3 {
        margin: 16px 0 4px;
        font-size: 13px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 12.5px;
        font-variant-numeric: tabular-nums;
      }
      caption {
        caption-side: top;
        text-align: start;
        padding: 6px 0;
        color: var(--ink-muted);
        font-size: 12px;
      }
      th,
      td {
        padding: 2px 4px;
        border-bottom: 1px solid var(--rule);
        text-align: end;
      }
      th[scope='row'] {
        text-align: start;
        font-weight: 400;
      }
      th.start {
        text-align: start;
      }
      thead th {
        position: sticky;
        top: 0;
        background: var(--panel);
        font-weight: 600;
        vertical-align: bottom;
      }
      thead .swatch {
        display: block;
        margin: 0 0 2px auto;
      }
      tr.region th {
        padding-top: 8px;
        text-align: start;
        font-weight: 600;
        color: var(--ink-muted);
      }
      td button {
        min-width: 2.4em;
        padding: 1px 5px;
        border: 1px solid transparent;
        border-radius: 4px;
        background: color-mix(in srgb, var(--cell) calc(var(--share) * 100%), var(--panel));
        color: var(--ink);
        text-align: end;
      }
      td button:hover {
        border-color: var(--ink);
      }
      .zero {
        color: var(--rule-strong);
      }
      .total {
        font-weight: 600;
      }
    `,
  ];

  private pick(detail: MatrixPick): void {
    this.dispatchEvent(new CustomEvent('matrix-pick', { detail, bubbles: true, composed: true }));
  }

  private pickField(detail: FieldPick): void {
    this.dispatchEvent(new CustomEvent('matrix-field', { detail, bubbles: true, composed: true }));
  }

  /** One row: its name, a cell per origin (a button where there are ties, its shade growing with them), the total and the origins sharing it. */
  private row<T extends Partner | VocabularyTerm>(matrix: Matrix, row: MatrixRow<T>, max: number, click: (column: number) => void, label: (column: number) => string) {
    const { loc } = this;
    return html`<tr>
      <th scope="row">${loc.name(row.item)}</th>
      ${row.cells.map((cell, i) =>
        cell.ties === 0
          ? html`<td><span class="zero" aria-hidden="true">·</span><span class="sr-only">0</span></td>`
          : html`<td>
              <button
                ${styleProperties({ '--cell': `var(--origin-${matrix.origins[i]!.id})`, '--share': cellShade(cell.ties, max).toFixed(2) })}
                aria-label=${label(i)}
                @click=${() => click(i)}
              >
                ${formatNumber(loc, cell.ties)}
              </button>
            </td>`,
      )}
      <td class="total">${formatNumber(loc, row.total)}</td>
      <td>${formatNumber(loc, row.shared)}</td>
    </tr>`;
  }

  private head(first: string) {
    const matrix = this.matrix![this.order];
    return html`<thead>
      <tr>
        <th scope="col" class="start">${first}</th>
        ${matrix.origins.map((origin) => html`<th scope="col"><span class="swatch" ${styleProperties({ background: `var(--origin-${origin.id})` })}></span>${this.loc.name(origin)}</th>`)}
        <th scope="col">${this.loc.t('matrix.total')}</th>
        <th scope="col">${this.loc.t('matrix.shared')}</th>
      </tr>
    </thead>`;
  }

  override render() {
    const { loc } = this;
    if (!this.matrix) return nothing;
    const matrix = this.matrix[this.order];
    const max = Math.max(1, ...matrix.groups.flatMap((g) => g.rows.flatMap((r) => r.cells.map((c) => c.ties))));
    const fieldMax = Math.max(1, ...matrix.fields.flatMap((r) => r.cells.map((c) => c.ties)));
    const columns = matrix.origins.length + 3;
    return html`<section class="panel" aria-labelledby="matrix-title" lang=${loc.tag}>
      <header>
        <h2 id="matrix-title">${loc.t('matrix.title')}</h2>
        <button class="small-button" @click=${() => this.dispatchEvent(new CustomEvent('view-close', { bubbles: true, composed: true }))}>${loc.t('views.close')}</button>
        <div class="group" role="group" aria-label=${loc.t('matrix.order')}>
          ${MATRIX_ORDERS.map(
            (order) => html`<button aria-pressed=${this.order === order} @click=${() => (this.order = order)}>${loc.t(`matrix.order.${order}`)}</button>`,
          )}
        </div>
        <button class="small-button" ?disabled=${matrix.total === 0} @click=${() => this.dispatchEvent(new CustomEvent('matrix-csv', { detail: matrix, bubbles: true, composed: true }))}>
          ${loc.t('matrix.csv')}
        </button>
      </header>
      ${matrix.total === 0
        ? html`<p>${loc.t('matrix.empty')}</p>`
        : html`<table>
              <caption>${loc.t('matrix.caption', { ties: count(loc, 'ties', matrix.total) })}</caption>
              ${this.head(loc.t('matrix.partner'))}
              ${matrix.groups.map(
                ({ group, rows }) => html`<tbody>
                  <tr class="region"><th scope="rowgroup" colspan=${columns}>${group ? loc.name(group) : loc.t('matrix.other')}</th></tr>
                  ${rows.map((row) =>
                    this.row(
                      matrix,
                      row,
                      max,
                      (i) => this.pick({ partner: row.item, links: row.cells[i]!.links }),
                      (i) => loc.t('matrix.cell', { origin: loc.name(matrix.origins[i]!), partner: loc.name(row.item), ties: count(loc, 'ties', row.cells[i]!.ties) }),
                    ),
                  )}
                </tbody>`,
              )}
            </table>
            <h3 id="fields-title">${loc.t('matrix.fields')}</h3>
            <table aria-labelledby="fields-title">
              <caption>${loc.t('matrix.fields.caption')}</caption>
              ${this.head(loc.t('matrix.field'))}
              <tbody>
                ${matrix.fields.map((row) =>
                  this.row(
                    matrix,
                    row,
                    fieldMax,
                    (i) => this.pickField({ origin: matrix.origins[i]!.id, field: row.item.id }),
                    (i) => loc.t('matrix.fieldCell', { origin: loc.name(matrix.origins[i]!), field: loc.name(row.item), ties: count(loc, 'ties', row.cells[i]!.ties) }),
                  ),
                )}
              </tbody>
            </table>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-matrix': MatrixView;
  }
  interface HTMLElementEventMap {
    'matrix-pick': CustomEvent<MatrixPick>;
    'matrix-field': CustomEvent<FieldPick>;
    'matrix-csv': CustomEvent<Matrix>;
  }
}
