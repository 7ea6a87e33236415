// The legend: origins (which also select), how ties are drawn, the country shading classes and
// the site markers. Drawn from the same constants the map style uses, so the two cannot drift.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CountClass } from '../core/scales.ts';
import type { Selection } from '../core/selection.ts';
import type { Names, Origin } from '../core/types.ts';
import { bilingual } from './bilingual.ts';
import { panelStyles } from './shared-styles.ts';

const LABELS = {
  title: { zh: '图例', en: 'Legend' },
  origins: { zh: '规划来源地', en: 'Plans from' },
  ties: { zh: '合作关系', en: 'Ties' },
  bilateral: { zh: '与一国', en: 'one country' },
  collective: { zh: '与集团或地区', en: 'bloc or region' },
  members: { zh: '集团成员', en: 'its members' },
  width: { zh: '线宽=原文段数', en: 'width: passages' },
  flow: { zh: '流向伙伴', en: 'flow to partner' },
  shading: { zh: '伙伴国家的合作项数', en: 'Ties per partner country' },
  sites: { zh: '合作载体', en: 'Sites' },
  exact: { zh: '位置精确', en: 'exact' },
  approximate: { zh: '大致位置', en: 'approximate' },
};

const line = (width: number, colour = 'var(--ink)') =>
  svg`<line x1="2" y1="8" x2="30" y2="8" stroke=${colour} stroke-width=${width} stroke-linecap="round" />`;

@customElement('atlas-legend')
export class Legend extends LitElement {
  @property({ attribute: false }) origins: Origin[] = [];
  @property({ attribute: false }) classes: CountClass[] = [];
  @property({ attribute: false }) shades: string[] = [];
  @property({ attribute: false }) selectedOrigin: string | null = null;

  static override styles = [
    panelStyles,
    css`
      :host {
        position: absolute;
        z-index: 2;
        left: 12px;
        bottom: 28px;
        width: 268px;
        font-size: 11.5px;
        line-height: 1.35;
      }
      @media (max-width: 640px) {
        /* Clear of the attribution, which wraps onto two lines on a phone. */
        :host {
          bottom: 52px;
          width: auto;
          max-width: calc(100vw - 24px);
        }
      }
      details {
        padding: 7px 10px 9px;
      }
      li [lang='en'],
      .origin [lang='en'] {
        font-size: 10.5px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        list-style-position: outside;
      }
      h3 {
        font-size: 11px;
        margin: 8px 0 3px;
        color: var(--ink-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 3px 8px;
      }
      li {
        display: flex;
        align-items: center;
        gap: 5px;
      }
      li > span {
        display: flex;
        flex-direction: column;
      }
      svg {
        flex: none;
      }
      .origin {
        display: flex;
        align-items: center;
        gap: 6px;
        padding: 2px 4px;
        margin-left: -4px;
        border: 1px solid transparent;
        border-radius: 4px;
        background: none;
        text-align: left;
      }
      .origin:hover,
      .origin[aria-pressed='true'] {
        border-color: var(--rule);
        background: var(--chip);
      }
      .shades {
        display: flex;
        gap: 2px;
      }
      .shade {
        flex: 1;
        min-width: 24px;
        text-align: center;
        font-variant-numeric: tabular-nums;
      }
      .shade span {
        display: block;
        height: 10px;
        border: 1px solid rgb(0 0 0 / 0.08);
      }
    `,
  ];

  /** A legend entry's words: Chinese over English, beside its symbol. */
  private item(names: Names) {
    return html`<span>${bilingual(names, '')}</span>`;
  }

  private selectOrigin(origin: Origin): void {
    const selection: Selection | null = this.selectedOrigin === origin.id ? null : { kind: 'origin', id: origin.id };
    this.dispatchEvent(new CustomEvent('select', { detail: selection, bubbles: true, composed: true }));
  }

  override render() {
    // Open by default except on a phone, where the map needs the room.
    const open = !matchMedia('(max-width: 640px)').matches;
    return html`<details class="panel" ?open=${open}>
      <summary>${bilingual(LABELS.title)}</summary>
      <h3>${bilingual(LABELS.origins)}</h3>
      <ul class="origins">
        ${this.origins.map(
          (origin) => html`<li>
            <button class="origin" aria-pressed=${this.selectedOrigin === origin.id} @click=${() => this.selectOrigin(origin)}>
              <span class="swatch" style="background: var(--origin-${origin.id})"></span>${bilingual(origin)}
            </button>
          </li>`,
        )}
      </ul>
      <h3>${bilingual(LABELS.ties)}</h3>
      <ul>
        <li><svg width="32" height="16" aria-hidden="true">${line(2.2)}</svg>${this.item(LABELS.bilateral)}</li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            ${line(6)}${line(4, 'var(--panel)')}
            <circle cx="27" cy="8" r="4.5" fill="#fff" stroke="var(--ink)" stroke-width="1.5" />
          </svg>
          ${this.item(LABELS.collective)}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <line x1="2" y1="8" x2="30" y2="8" stroke="var(--ink-muted)" stroke-width="1" stroke-dasharray="1 2.5" stroke-linecap="round" />
          </svg>
          ${this.item(LABELS.members)}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <line x1="2" y1="8" x2="12" y2="8" stroke="var(--ink)" stroke-width="1.4" stroke-linecap="round" />
            <line x1="18" y1="8" x2="30" y2="8" stroke="var(--ink)" stroke-width="4.5" stroke-linecap="round" />
          </svg>
          ${this.item(LABELS.width)}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <defs>
              <linearGradient id="comet"><stop offset="0" stop-color="var(--ink)" stop-opacity="0" /><stop offset="1" stop-color="var(--ink)" /></linearGradient>
            </defs>
            <line x1="2" y1="8" x2="30" y2="8" stroke="var(--ink)" stroke-opacity="0.35" stroke-width="3" stroke-linecap="round" />
            <line x1="8" y1="8" x2="26" y2="8" stroke="url(#comet)" stroke-width="3" />
          </svg>
          ${this.item(LABELS.flow)}
        </li>
      </ul>
      <h3>${bilingual(LABELS.shading)}</h3>
      <div class="shades">
        ${this.classes.map(
          (range, i) => html`<div class="shade">
            <span style="background: ${this.shades[i]}"></span>${range.min === range.max ? range.min : `${range.min}–${range.max}`}
          </div>`,
        )}
      </div>
      <h3>${bilingual(LABELS.sites)}</h3>
      <ul>
        <li>
          <svg width="32" height="16" aria-hidden="true"><path d="M16 2 L22 8 L16 14 L10 8 Z" fill="var(--ink)" stroke="#fff" stroke-width="1.5" /></svg>
          ${this.item(LABELS.exact)}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <circle cx="16" cy="8" r="7.5" fill="var(--ink)" fill-opacity="0.12" stroke="var(--ink)" stroke-opacity="0.5" stroke-width="0.8" />
            <path d="M16 3 L21 8 L16 13 L11 8 Z" fill="#fff" stroke="var(--ink)" stroke-width="1.5" />
          </svg>
          ${this.item(LABELS.approximate)}
        </li>
      </ul>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-legend': Legend;
  }
}
