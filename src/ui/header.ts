// Title and view controls: flat or globe, flow moving or paused, back to all ties.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Projection } from '../core/url-state.ts';
import { bilingual } from './bilingual.ts';
import { panelStyles } from './shared-styles.ts';

const LABELS = {
  title: { zh: '科技合作地图', en: 'Cooperation Atlas' },
  subtitle: { zh: '四地国际科技合作规划中的合作伙伴', en: 'International S&T partners in four local plans' },
  flat: { zh: '平面', en: 'Flat' },
  globe: { zh: '地球', en: 'Globe' },
  pause: { zh: '暂停', en: 'Pause' },
  play: { zh: '播放', en: 'Play' },
  all: { zh: '全部', en: 'Show all' },
  view: { zh: '视图', en: 'View' },
};

@customElement('atlas-header')
export class Header extends LitElement {
  @property() projection: Projection = 'mercator';
  @property({ type: Boolean }) playing = false;

  static override styles = [
    panelStyles,
    css`
      :host {
        position: absolute;
        z-index: 2;
        top: 12px;
        left: 12px;
        max-width: calc(100vw - 80px);
      }
      .panel {
        padding: 10px 12px;
      }
      h1 {
        margin: 0;
        font-size: 17px;
        font-weight: 600;
        line-height: 1.25;
      }
      h1 [lang='en'] {
        font-weight: 400;
      }
      p {
        margin: 2px 0 8px;
        font-size: 12px;
        color: var(--ink-muted);
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .group {
        display: inline-flex;
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        overflow: hidden;
      }
      button {
        border: none;
        background: var(--panel);
        padding: 4px 10px;
        font-size: 12px;
        min-height: 28px;
      }
      .group button + button {
        border-left: 1px solid var(--rule-strong);
      }
      button[aria-pressed='true'] {
        background: var(--ink);
        color: var(--panel);
      }
      button[aria-pressed='true'] [lang='en'] {
        color: inherit;
      }
      .single {
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
      }
      @media (max-width: 640px) {
        p {
          display: none;
        }
        h1 {
          font-size: 15px;
        }
      }
    `,
  ];

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const projectionButton = (projection: Projection, label: { zh: string; en: string }) =>
      html`<button aria-pressed=${this.projection === projection} @click=${() => this.emit('projection', projection)}>
        ${bilingual(label)}
      </button>`;
    return html`<header class="panel">
      <h1>${bilingual(LABELS.title)}</h1>
      <p>${bilingual(LABELS.subtitle, ' · ')}</p>
      <div class="controls">
        <div class="group" role="group" aria-label=${`${LABELS.view.zh} ${LABELS.view.en}`}>
          ${projectionButton('mercator', LABELS.flat)} ${projectionButton('globe', LABELS.globe)}
        </div>
        <button class="single" @click=${() => this.emit('motion', !this.playing)}>
          ${bilingual(this.playing ? LABELS.pause : LABELS.play)}
        </button>
        <button class="single" @click=${() => this.emit('frame')}>${bilingual(LABELS.all)}</button>
      </div>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-header': Header;
  }
}
