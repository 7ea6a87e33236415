// The printed handout: one A4 or Letter page with the figure of the map as it is now (its title,
// filters, legend, caption, credits and link), the kept ties one line a link with their passages
// and numbered sources, and the documents those numbers stand for. Hidden on screen; index.html's
// print stylesheet shows it alone. As many lines as the page holds, and a note of the rest.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { FigureFacts } from '../core/figure.ts';
import { formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';

/** Three columns of 24 lines fit under the figure (at most 118 mm tall) and above the sources on either paper. */
const PRINTED_ROWS = 72;

@customElement('atlas-print-sheet')
export class PrintSheet extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** The figure as SVG (map/figure.ts): the app's own markup, every name in it escaped. */
  @property({ attribute: false }) figure = '';
  @property({ attribute: false }) facts: FigureFacts | null = null;

  /** Reflected for the print stylesheet: the page gives way to the sheet only once it has something to print. */
  protected override updated(): void {
    this.toggleAttribute('filled', this.facts !== null && this.figure !== '');
  }

  static override styles = css`
    :host {
      display: block;
      font-family: var(--font);
      color: #262a31;
      font-size: 7.5pt;
      line-height: 1.3;
    }
    .figure > svg {
      display: block;
      width: 100%;
      height: auto;
      max-height: 118mm;
    }
    h2 {
      margin: 2.5mm 0 1mm;
      font-size: 8.5pt;
      font-weight: 600;
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ties {
      columns: 3;
      column-gap: 5mm;
    }
    .ties li {
      break-inside: avoid;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .count {
      font-variant-numeric: tabular-nums;
      color: #5d636d;
    }
    .more {
      margin: 1mm 0 0;
      color: #5d636d;
    }
    .sources li {
      margin-bottom: 0.6mm;
    }
  `;

  override render() {
    const { loc, facts } = this;
    if (!facts) return html``;
    const shown = facts.rows.slice(0, PRINTED_ROWS);
    const rest = facts.rows.length - shown.length;
    const refs = (sources: number[]) => sources.map((n) => `[${n}]`).join('');
    return html`<article lang=${loc.tag}>
      <div class="figure">${unsafeHTML(this.figure)}</div>
      <h2>${loc.t('print.ties')}</h2>
      <ol class="ties">
        ${shown.map(
          // The count and the sources first: a long name is what gives way.
          (row) => html`<li><span class="count">${formatNumber(loc, row.ties)} ${refs(row.sources)}</span> ${loc.name(row.place)} → ${loc.name(row.partner)}</li>`,
        )}
      </ol>
      ${rest > 0 ? html`<p class="more">${loc.t('print.more', { n: formatNumber(loc, rest) })}</p>` : null}
      <h2>${loc.t('print.sources')}</h2>
      <ol class="sources">
        ${facts.documents.map(
          (doc, i) => html`<li>${loc.t('print.source', { n: i + 1, title: loc.name(doc), issuer: loc.name(doc.issuer), date: doc.date })}</li>`,
        )}
      </ol>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-print-sheet': PrintSheet;
  }
}
