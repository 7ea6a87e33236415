// Title and view controls: flat or globe, flow moving or paused, back to all ties, and the
// language (简 / 繁 / EN, reported as `language` by the switch inside).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { VIEWS, type Projection, type View } from '../core/view-state.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import './language-switch.ts';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import { panelStyles, segmentedStyles } from './shared-styles.ts';

@customElement('atlas-header')
export class Header extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property() projection: Projection = 'mercator';
  /** What shows beside the map: nothing, the matrix or the timeline. */
  @property() view: View = 'map';
  @property({ type: Boolean }) playing = false;

  static override styles = [
    panelStyles,
    segmentedStyles,
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
      h1 .second {
        font-weight: 400;
        color: var(--ink-muted);
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
      button {
        border: none;
        background: var(--panel);
        padding: 4px 10px;
        font-size: 12px;
        min-height: 28px;
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
    const { loc } = this;
    const projectionButton = (projection: Projection, label: MessageKey) =>
      html`<button aria-pressed=${this.projection === projection} @click=${() => this.emit('projection', projection)}>
        ${loc.t(label)}
      </button>`;
    // The title's other-language form after it: English after Chinese (either script), Chinese after English.
    const title = MESSAGES['app.title'];
    const second = loc.lang === 'en' ? { text: title.zh, lang: 'zh-Hans' } : { text: title.en, lang: 'en' };
    return html`<header class="panel">
      <h1>${loc.t('app.title')} <span class="second" lang=${second.lang}>${second.text}</span></h1>
      <p>${loc.t('header.subtitle')}</p>
      <div class="controls">
        <div class="group" role="group" aria-label=${loc.t('header.view')}>
          ${projectionButton('mercator', 'header.flat')} ${projectionButton('globe', 'header.globe')}
        </div>
        <div class="group" role="group" aria-label=${loc.t('views.label')} part="views">
          ${VIEWS.map((view) => html`<button aria-pressed=${this.view === view} @click=${() => this.emit('view', view)}>${loc.t(`views.${view}`)}</button>`)}
        </div>
        <button class="single" @click=${() => this.emit('motion', !this.playing)}>
          ${loc.t(this.playing ? 'header.pause' : 'header.play')}
        </button>
        <button class="single" @click=${() => this.emit('frame')}>${loc.t('header.all')}</button>
        <button class="single" part="present" title=${loc.t('tour.keys')} @click=${() => this.emit('present')}>${loc.t('tour.present')}</button>
        <atlas-language-switch .loc=${loc}></atlas-language-switch>
      </div>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-header': Header;
  }
}
