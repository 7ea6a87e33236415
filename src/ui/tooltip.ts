// The short note that follows the pointer over the map.
import { LitElement, css, html, nothing } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property } from 'lit/decorators.js';
import type { Summary } from '../core/cards.ts';
import { summaryText } from './card-text.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { panelStyles } from './shared-styles.ts';

@customElement('atlas-tooltip')
export class Tooltip extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property({ attribute: false }) content: Summary | null = null;
  @property({ type: Number }) x = 0;
  @property({ type: Number }) y = 0;

  static override styles = [
    panelStyles,
    css`
      :host {
        position: absolute;
        z-index: 4;
        top: 0;
        left: 0;
        pointer-events: none;
      }
      .panel {
        padding: 6px 9px;
        font-size: 12px;
        white-space: nowrap;
      }
      strong {
        font-weight: 600;
      }
      .detail {
        color: var(--ink-muted);
      }
    `,
  ];

  override render() {
    if (!this.content) return nothing;
    const text = summaryText(this.loc, this.content);
    // Keep clear of the pointer, and flip to its left near the right edge.
    const flip = this.x > innerWidth - 280;
    const style = { transform: `translate(${flip ? `calc(${this.x - 14}px - 100%)` : `${this.x + 14}px`}, ${this.y + 14}px)` };
    return html`<div class="panel" role="tooltip" ${styleProperties(style)}>
      <strong>${text.title}</strong>
      <div class="detail">${text.detail}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-tooltip': Tooltip;
  }
}
