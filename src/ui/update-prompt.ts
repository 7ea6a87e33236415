// The offer of a new deployment (app/offline.ts shows it when one is installed and waiting): a
// line and a Reload button, never a page that runs half the old version and half the new.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { panelStyles } from './shared-styles.ts';

@customElement('atlas-update')
export class UpdatePrompt extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});

  static override styles = [
    panelStyles,
    css`
      :host {
        position: absolute;
        z-index: 7;
        left: 50%;
        /* Above the table's button (and a tour's step bar), clear of the legend and the caption. */
        bottom: calc(72px + var(--step-bar-height, 0px));
        transform: translateX(-50%);
        max-width: calc(100vw - 24px);
      }
      /* A room (presentation, kiosk) shows the map and the tour only: the offer waits for the explorer. */
      :host([hidden]),
      :host([data-room]) {
        display: none;
      }
      .panel {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 8px 8px 8px 14px;
        border-color: var(--focus);
      }
      p {
        margin: 0;
      }
      .reload {
        padding: 4px 12px;
        border: 1px solid var(--focus);
        border-radius: 6px;
        background: var(--focus);
        color: #fff;
        font-weight: 600;
      }
      .close {
        border: 0;
        background: none;
        font-size: 18px;
        line-height: 1;
      }
      @media (max-width: 640px) {
        :host {
          bottom: calc(140px + var(--step-bar-height, 0px));
        }
      }
    `,
  ];

  override render() {
    const { loc } = this;
    return html`<div class="panel" role="status">
      <p>${loc.t('update.ready')}</p>
      <button type="button" class="reload" @click=${() => this.dispatchEvent(new Event('reload'))}>${loc.t('update.reload')}</button>
      <button type="button" class="close" aria-label=${loc.t('notices.close')} @click=${() => (this.hidden = true)}>×</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-update': UpdatePrompt;
  }
}
