// 简 / 繁 / EN: a radio group of the three languages. Each is named in its own language and
// script (a reader looks for their own language's name, whatever the page speaks), so these
// names are not messages. A choice is reported as `language` (CustomEvent<Language>), bubbling
// out of the shadow roots; the host switches and passes the new `lang` back.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LANGUAGES, type Language } from '../core/languages.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';

/** Short label, and the full name for screen readers and the tooltip, each in its own language. */
export const LANGUAGE_NAMES: Record<Language, { short: string; name: string }> = {
  'zh-Hans': { short: '简', name: '简体中文' },
  'zh-Hant': { short: '繁', name: '繁體中文' },
  en: { short: 'EN', name: 'English' },
};

@customElement('atlas-language-switch')
export class LanguageSwitch extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});

  static override styles = css`
    :host {
      display: inline-flex;
    }
    fieldset {
      display: inline-flex;
      margin: 0;
      padding: 0;
      border: 1px solid var(--rule-strong);
      border-radius: 6px;
      overflow: hidden;
    }
    legend {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    label {
      position: relative;
      display: inline-flex;
      align-items: center;
      min-height: 28px;
      padding: 0 9px;
      font-size: 12px;
      background: var(--panel);
      cursor: pointer;
    }
    label + label {
      border-left: 1px solid var(--rule-strong);
    }
    input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    label:has(input:checked) {
      background: var(--ink);
      color: var(--panel);
    }
    label:has(input:focus-visible) {
      outline: 2px solid var(--focus);
      outline-offset: -2px;
    }
  `;

  private choose(lang: Language): void {
    if (lang === this.loc.lang) return;
    this.dispatchEvent(new CustomEvent<Language>('language', { detail: lang, bubbles: true, composed: true }));
  }

  override render() {
    return html`<fieldset>
      <legend>${this.loc.t('language.label')}</legend>
      ${LANGUAGES.map((lang) => {
        const { short, name } = LANGUAGE_NAMES[lang];
        return html`<label title=${name} lang=${lang}>
          <input
            type="radio"
            name="language"
            value=${lang}
            aria-label=${name}
            .checked=${this.loc.lang === lang}
            @change=${() => this.choose(lang)}
          /><span aria-hidden="true">${short}</span>
        </label>`;
      })}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-language-switch': LanguageSwitch;
  }
}
