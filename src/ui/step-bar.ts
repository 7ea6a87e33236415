// The slim bar of a tour: where it is, the step's caption, the passage it cites with its document and date, and the counts of what the map
// shows. In a room (presentation and kiosk) it is the only chrome, and sized to be read from
// five metres: captions at least 28 px on a 1920-pixel screen.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StepBar as StepBarView } from '../core/tour.ts';
import type { Mode } from '../core/view-state.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { nameWithSecond } from './card-text.ts';
import { count } from '../i18n/format.ts';
import { panelStyles } from './shared-styles.ts';

@customElement('atlas-step-bar')
export class StepBar extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property({ attribute: false }) bar: StepBarView | null = null;
  @property({ reflect: true }) mode: Mode = 'explore';
  /** Digits a presenter has typed towards a step number (core/presenter-keys.ts). */
  @property() typed = '';

  static override styles = [
    panelStyles,
    css`
      :host {
        position: absolute;
        z-index: 3;
        left: 50%;
        bottom: 28px;
        transform: translateX(-50%);
        width: min(1100px, calc(100vw - 24px));
        --caption-size: 17px;
      }
      :host([hidden]) {
        display: none;
      }
      /* A room: the bar spans the screen's foot, its type grows with the screen. */
      :host([mode='present']),
      :host([mode='kiosk']) {
        bottom: 16px;
        width: calc(100vw - 32px);
        --caption-size: clamp(22px, 1.5vw, 64px);
      }
      .panel {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: 0.4em 1em;
        align-items: center;
        padding: 0.5em 0.9em;
        font-size: calc(var(--caption-size) * 0.62);
      }
      .nav {
        display: flex;
        align-items: center;
        gap: 0.3em;
      }
      .nav button {
        font-size: 1.3em;
        line-height: 1;
        min-width: 1.8em;
        min-height: 1.8em;
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        background: var(--panel);
      }
      .nav button:disabled {
        opacity: 0.4;
        cursor: default;
      }
      .position {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        color: var(--ink-muted);
      }
      .caption {
        margin: 0;
        font-size: var(--caption-size);
        font-weight: 600;
        line-height: 1.3;
        color: var(--ink);
      }
      .cite {
        margin: 0.25em 0 0;
        color: var(--ink-muted);
        line-height: 1.4;
      }
      .quote {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        color: var(--ink);
      }
      .quote::before {
        content: '“';
      }
      .quote::after {
        content: '”';
      }
      .side {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        gap: 0.35em;
        white-space: nowrap;
      }
      .side button {
        border: 1px solid var(--rule-strong);
        border-radius: 6px;
        background: var(--panel);
        padding: 0.2em 0.7em;
      }
      .typed {
        font-weight: 600;
        color: var(--focus);
      }
      .hint {
        color: var(--ink-muted);
      }
      @media (max-width: 640px) {
        :host {
          bottom: 96px;
        }
        .panel {
          grid-template-columns: auto 1fr;
        }
        .side {
          grid-column: 1 / -1;
          flex-direction: row;
          flex-wrap: wrap;
          justify-content: flex-end;
        }
      }
    `,
  ];

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const { loc, bar, mode } = this;
    if (!bar) return nothing;
    const { cite } = bar;
    const { document, evidence } = cite;
    const goTo = (step: number) => () => this.emit('tour-step', step);
    return html`<section class="panel" aria-label=${`${loc.t('tour.label')}: ${bar.title[loc.lang]}`}>
      <div class="nav">
        <button aria-label=${loc.t('tour.previous')} title=${loc.t('tour.previous')} ?disabled=${bar.step === 1} @click=${goTo(bar.step - 1)}>‹</button>
        <span class="position" aria-label=${loc.t('tour.step', { step: bar.step, count: bar.count })}>${bar.step} / ${bar.count}</span>
        <button aria-label=${loc.t('tour.next')} title=${loc.t('tour.next')} ?disabled=${bar.step === bar.count} @click=${goTo(bar.step + 1)}>›</button>
      </div>
      <div>
        <!-- Screen readers hear each step from the page's announcer (app/tour-player.ts). -->
        <p class="caption" lang=${loc.tag}>${bar.caption[loc.lang]}</p>
        <p class="cite">
          <span class="quote" lang="zh">${evidence.quote}</span>
          ${loc.t('tour.source')}${nameWithSecond(loc, document, ' / ')} · <time datetime=${document.date}>${document.date}</time>
          <button class="read" @click=${() => this.emit('read', { doc: evidence.doc, start: evidence.start, end: evidence.end })}>${loc.t('tour.read')}</button>
        </p>
      </div>
      <div class="side">
        <span>${count(loc, 'ties', bar.ties)} · ${count(loc, 'partners', bar.partners)}</span>
        ${this.typed ? html`<span class="typed" role="status">${loc.t('tour.goTo', { step: this.typed })}</span>` : nothing}
        ${mode === 'kiosk' ? html`<span class="hint">${loc.t('tour.kiosk')}</span>` : nothing}
        ${mode === 'explore' ? html`<button @click=${() => this.emit('present')}>${loc.t('tour.present')}</button>` : nothing}
        ${mode !== 'kiosk' ? html`<button aria-label=${loc.t('tour.leave')} title=${loc.t('tour.leave')} @click=${() => this.emit('tour-leave')}>×</button>` : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-step-bar': StepBar;
  }
}
