// The legend: origins (which also select), how ties are drawn, the country shading classes and
// the site markers. Drawn from the same constants the map style uses, so the two cannot drift.
import { LitElement, css, html, svg } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property } from 'lit/decorators.js';
import type { CountClass } from '../core/scales.ts';
import type { Selection } from '../core/selection.ts';
import type { Origin } from '../core/types.ts';
import { nameWithSecond } from './card-text.ts';
import { formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { panelStyles } from './shared-styles.ts';

const line = (width: number, colour = 'var(--ink)') =>
  svg`<line x1="2" y1="8" x2="30" y2="8" stroke=${colour} stroke-width=${width} stroke-linecap="round" />`;

@customElement('atlas-legend')
export class Legend extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
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
      .origin .second {
        font-size: 10.5px;
        color: var(--ink-muted);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        list-style-position: outside;
      }
      /* Section headings under the header's h1 (the summary is the legend's title). */
      h2 {
        font-size: 11px;
        font-weight: 600;
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
        min-width: 0;
        text-align: center;
        font-variant-numeric: tabular-nums;
        /* A large atlas's classes (513–1,155) break after the dash rather than spill. */
        overflow-wrap: anywhere;
      }
      .shade span {
        display: block;
        height: 10px;
        border: 1px solid rgb(0 0 0 / 0.08);
      }
    `,
  ];

  /** A legend entry's words, beside its symbol. */
  private item(key: MessageKey) {
    return html`<span>${this.loc.t(key)}</span>`;
  }

  private selectOrigin(origin: Origin): void {
    const selection: Selection | null = this.selectedOrigin === origin.id ? null : { kind: 'origin', id: origin.id };
    this.dispatchEvent(new CustomEvent('select', { detail: selection, bubbles: true, composed: true }));
  }

  override render() {
    // Open by default except on a phone, where the map needs the room.
    const open = !matchMedia('(max-width: 640px)').matches;
    const { loc } = this;
    const number = (n: number) => formatNumber(loc, n);
    return html`<details class="panel" ?open=${open}>
      <summary>${loc.t('legend.title')}</summary>
      <h2>${loc.t('legend.origins')}</h2>
      <ul class="origins">
        ${this.origins.map(
          (origin) => html`<li>
            <button class="origin" aria-pressed=${this.selectedOrigin === origin.id} @click=${() => this.selectOrigin(origin)}>
              <span class="swatch" ${styleProperties({ background: `var(--origin-${origin.id})` })}></span><span>${nameWithSecond(loc, origin)}</span>
            </button>
          </li>`,
        )}
      </ul>
      <h2>${loc.t('legend.ties')}</h2>
      <ul>
        <li><svg width="32" height="16" aria-hidden="true">${line(2.2)}</svg>${this.item('legend.bilateral')}</li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            ${line(6)}${line(4, 'var(--panel)')}
            <circle cx="27" cy="8" r="4.5" fill="#fff" stroke="var(--ink)" stroke-width="1.5" />
          </svg>
          ${this.item('legend.collective')}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <line x1="2" y1="8" x2="30" y2="8" stroke="var(--ink-muted)" stroke-width="1" stroke-dasharray="1 2.5" stroke-linecap="round" />
          </svg>
          ${this.item('legend.members')}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <line x1="2" y1="8" x2="12" y2="8" stroke="var(--ink)" stroke-width="1.4" stroke-linecap="round" />
            <line x1="18" y1="8" x2="30" y2="8" stroke="var(--ink)" stroke-width="4.5" stroke-linecap="round" />
          </svg>
          ${this.item('legend.width')}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <defs>
              <linearGradient id="comet"><stop offset="0" stop-color="var(--ink)" stop-opacity="0" /><stop offset="1" stop-color="var(--ink)" /></linearGradient>
            </defs>
            <line x1="2" y1="8" x2="30" y2="8" stroke="var(--ink)" stroke-opacity="0.35" stroke-width="3" stroke-linecap="round" />
            <line x1="8" y1="8" x2="26" y2="8" stroke="url(#comet)" stroke-width="3" />
          </svg>
          ${this.item('legend.flow')}
        </li>
      </ul>
      <h2>${loc.t('legend.shading')}</h2>
      <div class="shades">
        ${this.classes.map(
          (range, i) => html`<div class="shade">
            <span ${styleProperties({ background: this.shades[i] })}></span>${range.min === range.max ? number(range.min) : `${number(range.min)}–${number(range.max)}`}
          </div>`,
        )}
      </div>
      <h2>${loc.t('legend.sites')}</h2>
      <ul>
        <li>
          <svg width="32" height="16" aria-hidden="true"><path d="M16 2 L22 8 L16 14 L10 8 Z" fill="var(--ink)" stroke="#fff" stroke-width="1.5" /></svg>
          ${this.item('legend.exact')}
        </li>
        <li>
          <svg width="32" height="16" aria-hidden="true">
            <circle cx="16" cy="8" r="7.5" fill="var(--ink)" fill-opacity="0.12" stroke="var(--ink)" stroke-opacity="0.5" stroke-width="0.8" />
            <path d="M16 3 L21 8 L16 13 L11 8 Z" fill="#fff" stroke="var(--ink)" stroke-width="1.5" />
          </svg>
          ${this.item('legend.approximate')}
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
