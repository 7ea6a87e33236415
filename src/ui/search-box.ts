// The search box: a combobox (WAI-ARIA APG, list autocomplete) over everything the atlas can
// show. Focus stays in the text field; the arrow keys move the active result (aria-activedescendant),
// Enter picks it, Escape closes the list and then clears the field. A name in Simplified,
// Traditional or English finds it (src/core/search.ts). The pick is reported as `search-pick`
// with the entry's target, for the host to select, fly to or filter.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { search, type SearchEntry, type SearchTarget } from '../core/search.ts';
import { PARTNER_KINDS, type PartnerKind } from '../core/types.ts';
import { controlStyles } from './control-styles.ts';
import { count } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { panelStyles } from './shared-styles.ts';

const OTHER_TYPES: Record<string, MessageKey> = {
  origin: 'search.type.origin',
  place: 'search.type.place',
  site: 'search.type.site',
  field: 'search.type.field',
  group: 'search.type.group',
};

/** What an entry is, in words: its partner kind, or origin, place, site, field, region group. */
function typeLabel(loc: Localizer, type: string): string {
  if ((PARTNER_KINDS as readonly string[]).includes(type)) return loc.t(`partner.kind.${type as PartnerKind}`);
  const key = OTHER_TYPES[type];
  return key ? loc.t(key) : type;
}

@customElement('atlas-search')
export class SearchBox extends LitElement {
  /** searchEntries(atlas, toTraditional): built once per dataset by the host. */
  @property({ attribute: false }) entries: readonly SearchEntry[] = [];
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** Most results shown. */
  @property({ type: Number }) limit = 8;

  @state() private query = '';
  @state() private results: SearchEntry[] = [];
  @state() private expanded = false;
  /** The active (highlighted) result, -1 for none. */
  @state() private active = -1;
  /** Whether focus is in the search: the “nothing found” note shows only then. */
  @state() private focused = false;

  @query('input') private input!: HTMLInputElement;

  private composing = false;

  static override styles = [
    panelStyles,
    controlStyles,
    css`
      :host {
        position: relative;
      }
      .field {
        position: relative;
        display: flex;
        align-items: center;
      }
      .icon {
        position: absolute;
        inset-inline-start: 0.7em;
        color: var(--ink-muted, #5d636d);
        pointer-events: none;
      }
      input {
        box-sizing: border-box;
        width: 100%;
        min-height: 2.6em;
        padding: 0.4em 0.8em 0.4em 2.1em;
        border: 1px solid var(--rule-strong, #cfc8b9);
        border-radius: 8px;
        background: var(--panel, #fffefb);
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      input:focus-visible {
        outline-offset: 0;
      }
      input::placeholder {
        color: var(--ink-muted, #5d636d);
        opacity: 1;
      }
      [role='listbox'] {
        position: absolute;
        z-index: 10;
        inset-inline: 0;
        top: calc(100% + 4px);
        max-height: min(24em, 60vh);
        margin: 0;
        padding: 0.25em;
        overflow-y: auto;
        list-style: none;
      }
      [role='listbox'][hidden],
      .none[hidden] {
        display: none;
      }
      [role='option'] {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0 0.8em;
        padding: 0.4em 0.6em;
        border-radius: 5px;
        border-inline-start: 4px solid transparent;
        cursor: pointer;
      }
      [role='option']:hover {
        background: var(--chip, #f0ece3);
      }
      /* The active result: a bar at the start as well as the background. */
      [role='option'][aria-selected='true'] {
        background: var(--highlight);
        border-inline-start-color: var(--highlight-edge);
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .other {
        grid-column: 1;
        color: var(--ink-muted, #5d636d);
        font-size: 0.9em;
        overflow-wrap: anywhere;
      }
      .type {
        grid-column: 2;
        grid-row: 1 / span 2;
        align-self: center;
        padding: 0.05em 0.5em;
        border: 1px solid var(--rule-strong, #cfc8b9);
        border-radius: 999px;
        color: var(--ink-muted, #5d636d);
        font-size: 0.85em;
        white-space: nowrap;
      }
      .none {
        position: absolute;
        z-index: 10;
        inset-inline: 0;
        top: calc(100% + 4px);
        margin: 0;
        padding: 0.6em 0.8em;
        color: var(--ink-muted, #5d636d);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // New entries (another dataset) or a new limit: the same query, searched again.
    if ((changed.has('entries') || changed.has('limit')) && this.query) this.runSearch(this.query, this.expanded);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#result-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private runSearch(query: string, open: boolean): void {
    this.query = query;
    this.results = search(this.entries, query, this.limit);
    this.active = -1;
    this.expanded = open && this.results.length > 0;
  }

  private onInput(event: InputEvent): void {
    // While an input method is composing (pinyin, zhuyin...), the field holds letters that are
    // not yet the name: search once the composition ends.
    if (this.composing || event.isComposing) return;
    this.runSearch(this.input.value, true);
  }

  private onCompositionEnd(): void {
    this.composing = false;
    this.runSearch(this.input.value, true);
  }

  private move(step: number): void {
    const n = this.results.length;
    if (n === 0) return;
    if (!this.expanded) {
      this.expanded = true;
      this.active = step > 0 ? 0 : n - 1;
      return;
    }
    this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.isComposing || this.composing) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) this.expanded = this.results.length > 0;
        else this.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) this.close();
        else this.move(-1);
        break;
      case 'Enter': {
        // The active result, or the best one when none is active.
        const entry = this.expanded ? this.results[Math.max(this.active, 0)] : undefined;
        if (entry) {
          event.preventDefault();
          this.pick(entry);
        }
        break;
      }
      case 'Escape':
        // Esc is the search's own: the page's Esc (clear the selection) must not see it too.
        if (this.expanded) {
          event.preventDefault();
          event.stopPropagation();
          this.close();
        } else if (this.query) {
          event.preventDefault();
          event.stopPropagation();
          this.input.value = '';
          this.runSearch('', false);
        }
        break;
    }
  }

  private close(): void {
    this.expanded = false;
    this.active = -1;
  }

  private pick(entry: SearchEntry): void {
    this.input.value = this.loc.name(entry);
    this.query = this.input.value;
    this.close();
    this.dispatchEvent(new CustomEvent<SearchTarget>('search-pick', { detail: entry.target, bubbles: true, composed: true }));
  }

  private onFocusOut(event: FocusEvent): void {
    if (this.renderRoot.contains(event.relatedTarget as Node | null)) return;
    this.focused = false;
    this.close();
  }

  /** Results in the current language, with the name in the other language beneath. */
  private result(loc: Localizer, entry: SearchEntry, i: number) {
    const other = loc.lang === 'en' ? html`<span class="other" lang="zh-Hans">${entry.zh}</span>` : html`<span class="other" lang="en">${entry.en}</span>`;
    return html`<li
      role="option"
      id="result-${i}"
      aria-selected=${i === this.active ? 'true' : 'false'}
      @pointerdown=${(event: PointerEvent) => event.preventDefault()}
      @click=${() => this.pick(entry)}
      @pointermove=${() => {
        if (this.active !== i) this.active = i;
      }}
    >
      <span class="name">${loc.name(entry)}</span>${other}<span class="type">${typeLabel(loc, entry.type)}</span>
    </li>`;
  }

  override render() {
    const { loc, results } = this;
    const nothingFound = this.focused && this.query.trim() !== '' && results.length === 0 && !this.composing;
    const status = this.query.trim() === '' ? '' : nothingFound ? loc.t('search.none', { query: this.query }) : count(loc, 'results', results.length);
    return html`<div lang=${loc.tag} @focusin=${() => (this.focused = true)} @focusout=${this.onFocusOut}>
      <label class="sr-only" for="search">${loc.t('search.label')}</label>
      <div class="field">
        <span class="icon" aria-hidden="true">⌕</span>
        <input
          id="search"
          type="text"
          role="combobox"
          inputmode="search"
          enterkeyhint="search"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls="results"
          aria-activedescendant=${this.expanded && this.active >= 0 ? `result-${this.active}` : nothing}
          aria-describedby="search-hint"
          placeholder=${loc.t('search.placeholder')}
          @input=${this.onInput}
          @compositionstart=${() => (this.composing = true)}
          @compositionend=${this.onCompositionEnd}
          @keydown=${this.onKeydown}
          @focus=${() => {
            if (this.results.length > 0 && this.query) this.expanded = true;
          }}
        />
      </div>
      <ul class="panel" role="listbox" id="results" aria-label=${loc.t('search.results')} ?hidden=${!this.expanded}>
        ${this.expanded ? results.map((entry, i) => this.result(loc, entry, i)) : nothing}
      </ul>
      <p class="none panel" aria-hidden="true" ?hidden=${!nothingFound}>${loc.t('search.none', { query: this.query })}</p>
      <span class="sr-only" id="search-hint">${loc.t('search.hint')}</span>
      <span class="sr-only" role="status">${status}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-search': SearchBox;
  }
  interface HTMLElementEventMap {
    'search-pick': CustomEvent<SearchTarget>;
  }
}
