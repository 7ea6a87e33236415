// The map in words: what the map shows for the kept links (src/core/summary.ts), as a paragraph
// in the interface language (src/ui/summary-text.ts). Its first sentence (the counts) is a polite
// live region, so that a filter change is announced without reading the whole paragraph again.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MapSummary } from '../core/summary.ts';
import { controlStyles } from './control-styles.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { panelStyles } from './shared-styles.ts';
import { summarySentences } from './summary-text.ts';

@customElement('atlas-summary')
export class MapSummaryView extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** What the map shows for the kept links (AtlasModel.summary). */
  @property({ attribute: false }) summary: MapSummary | null = null;

  static override styles = [
    panelStyles,
    controlStyles,
    css`
      p {
        margin: 0;
      }
    `,
  ];

  override render() {
    const [first = '', ...rest] = this.summary ? summarySentences(this.summary, this.loc) : [];
    // Chinese sentences run on without spaces; English ones are spaced.
    const gap = this.loc.lang === 'en' ? ' ' : '';
    return html`<p lang=${this.loc.tag}><span aria-live="polite" aria-atomic="true">${first}</span>${rest.length ? gap + rest.join(gap) : ''}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-summary': MapSummaryView;
  }
}
