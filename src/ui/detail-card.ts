// The detail card: what the selection is, its ties, fields and modes, and the passages that
// say so, each with its document's title and date. It lays out a Card (core/cards.ts) and
// reports clicks as events; it keeps no state of its own.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleProperties } from './style-properties.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { CARD_LIST_LIMIT, tieStart, type Card, type Passage, type LinkRow } from '../core/cards.ts';
import type { Profile } from '../core/profiles.ts';
import type { Selection } from '../core/selection.ts';
import type { VocabularyTerm } from '../core/types.ts';
import { kindText, nameWithSecond, subtitleText, tieStartText } from './card-text.ts';
import { count, formatList, formatNumber } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { panelStyles } from './shared-styles.ts';

/** The lists a card may cut. */
type CardList = 'links' | 'blocLinks' | 'passages';

@customElement('atlas-card')
export class DetailCard extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  @property({ attribute: false }) card: Card | null = null;
  /**
   * The selection's profile (an origin's, a partner's, a country's), laid out by atlas-profile,
   * whose code comes with the researcher's views (app/insight.ts); null for none.
   */
  @property({ attribute: false }) profile: Profile | null = null;
  /** The card's lists that show every row (see CARD_LIST_LIMIT), each opened on its own. */
  @state() private shownWhole: ReadonlySet<CardList> = new Set();

  static override styles = [
    panelStyles,
    css`
      :host {
        position: absolute;
        z-index: 3;
        top: 12px;
        right: 12px;
        bottom: 12px;
        width: min(400px, calc(100vw - 24px));
        pointer-events: none;
      }
      @media (max-width: 640px) {
        :host {
          top: auto;
          left: 8px;
          right: 8px;
          bottom: 8px;
          width: auto;
          height: min(60vh, 520px);
        }
      }
      aside {
        pointer-events: auto;
        display: flex;
        flex-direction: column;
        max-height: 100%;
        overflow: hidden;
        border-top: 4px solid var(--accent, var(--ink-muted));
      }
      header {
        position: relative;
        padding: 14px 44px 10px 16px;
        border-bottom: 1px solid var(--rule);
      }
      .kind {
        margin: 0 0 2px;
        font-size: 11px;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--accent-ink, var(--ink-muted));
        font-weight: 600;
      }
      h2 {
        font-size: 20px;
        line-height: 1.25;
      }
      h2 .second {
        display: block;
        color: var(--ink-muted);
        font-size: 14px;
        font-weight: 400;
      }
      .subtitle {
        margin: 6px 0 0;
        font-size: 12.5px;
      }
      .close {
        position: absolute;
        top: 10px;
        right: 10px;
        width: 30px;
        height: 30px;
        border: none;
        border-radius: 50%;
        background: transparent;
        font-size: 20px;
        line-height: 1;
      }
      .close:hover {
        background: var(--rule);
      }
      .body {
        overflow-y: auto;
        padding: 4px 16px 16px;
        overscroll-behavior: contain;
      }
      .stats {
        margin: 10px 0 0;
        color: var(--ink-muted);
      }
      section {
        margin-top: 14px;
      }
      h3 {
        font-size: 12px;
        letter-spacing: 0.04em;
        margin-bottom: 6px;
        color: var(--ink-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .tie {
        display: flex;
        align-items: baseline;
        gap: 8px;
        width: 100%;
        padding: 5px 6px;
        margin: 0 -6px;
        border: none;
        border-radius: 5px;
        background: transparent;
        text-align: left;
      }
      .tie:hover {
        background: var(--rule);
      }
      .tie .swatch {
        transform: translateY(1px);
      }
      .tie .count {
        margin-left: auto;
        color: var(--ink-muted);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .hollow {
        background: transparent !important;
        border: 2px solid var(--dot);
        box-sizing: border-box;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .chip {
        padding: 2px 8px;
        border-radius: 999px;
        background: var(--chip);
        font-size: 12px;
      }
      .members {
        color: var(--ink-muted);
      }
      /*
       * Passages below the fold are laid out and painted when scrolled to, not with the card: a
       * bundle of a large atlas quotes 40, of which a screen shows two or three. Each keeps the
       * height it last had (auto), so that the scroll bar does not jump. The padding is room for
       * the focus ring of its button, which the passage's containment would clip.
       */
      .passage {
        content-visibility: auto;
        contain-intrinsic-size: auto 160px;
        margin: -4px -4px 0;
        padding: 4px;
      }
      blockquote {
        margin: 0 0 4px;
        padding: 8px 10px;
        border-left: 3px solid var(--quote-rule, var(--rule));
        background: var(--quote);
        font-size: 13.5px;
        line-height: 1.7;
      }
      cite {
        display: block;
        margin-bottom: 8px;
        font-style: normal;
        font-size: 11.5px;
        color: var(--ink-muted);
      }
      time {
        font-variant-numeric: tabular-nums;
      }
      .read,
      .more {
        display: block;
        margin-top: 3px;
        padding: 0;
        border: none;
        background: none;
        color: var(--focus);
        font-size: 11.5px;
      }
      .read:hover,
      .more:hover {
        text-decoration: underline;
      }
      .more {
        margin: 6px 0 2px;
        font-size: 12.5px;
      }
    `,
  ];

  /** Reflected for the page's layout: the researcher's views stand aside for an open card (index.html). */
  protected override updated(): void {
    this.toggleAttribute('data-open', this.card !== null);
  }

  private emit(selection: Selection | null): void {
    this.dispatchEvent(new CustomEvent('select', { detail: selection, bubbles: true, composed: true }));
  }

  private link(row: LinkRow): TemplateResult {
    const { loc } = this;
    const collective = row.partner.kind === 'bloc' || row.partner.kind === 'region';
    const passages = row.link.evidence.length;
    return html`<li>
      <button class="tie" @click=${() => this.emit({ kind: 'link', id: row.link.id })}>
        <span
          class="swatch ${collective ? 'hollow' : ''}"
          ${styleProperties({ background: `var(--origin-${row.origin.id})`, '--dot': `var(--origin-${row.origin.id})` })}
        ></span>
        <span>${loc.t('card.route', { from: tieStartText(loc, tieStart(row)), to: loc.name(row.partner) })}</span>
        <span class="count">${count(loc, 'passages', passages)}</span>
      </button>
    </li>`;
  }

  private passage({ evidence, document, origin, site }: Passage): TemplateResult {
    const { loc } = this;
    // The host opens the document (the source reader), which loads its text only then.
    const read = () => {
      const detail = { doc: evidence.doc, start: evidence.start, end: evidence.end };
      this.dispatchEvent(new CustomEvent('read', { detail, bubbles: true, composed: true }));
    };
    // The quote stays as the document wrote it (Simplified or Traditional), as a citation must.
    return html`<div class="passage">
      <blockquote lang="zh" ${styleProperties({ '--quote-rule': `var(--origin-${origin.id})` })}>${evidence.quote}</blockquote>
      <cite>
        ${nameWithSecond(loc, document, ' / ')} · <time datetime=${document.date}>${document.date}</time>
        · ${loc.name(document.issuer)}${site ? html` · ${loc.name(site)}` : nothing}
        <button class="read" @click=${read}>${loc.t('card.read')} →</button>
      </cite>
    </div>`;
  }

  private terms(heading: MessageKey, terms: VocabularyTerm[]) {
    if (terms.length === 0) return nothing;
    return html`<section>
      <h3>${this.loc.t(heading)}</h3>
      <div class="chips">${terms.map((term) => html`<span class="chip">${this.loc.name(term)}</span>`)}</div>
    </section>`;
  }

  /** The first CARD_LIST_LIMIT of a list, or all of it once asked. */
  private upTo<T>(list: CardList, items: readonly T[]): readonly T[] {
    return this.shownWhole.has(list) ? items : items.slice(0, CARD_LIST_LIMIT);
  }

  /**
   * The button that shows the rest of a list the card has cut. It goes once pressed: the focus
   * moves to the first row it brought, not to the page.
   */
  private more(list: CardList, total: number): TemplateResult | typeof nothing {
    if (this.shownWhole.has(list) || total <= CARD_LIST_LIMIT) return nothing;
    const showAll = async (event: Event) => {
      const section = (event.currentTarget as HTMLElement).closest('section')!;
      this.shownWhole = new Set([...this.shownWhole, list]);
      await this.updateComplete;
      section.querySelectorAll<HTMLElement>('button.tie, button.read')[CARD_LIST_LIMIT]?.focus();
    };
    return html`<button class="more" @click=${showAll}>${this.loc.t('card.more', { n: formatNumber(this.loc, total) })}</button>`;
  }

  override willUpdate(changed: PropertyValues<this>) {
    // Another card starts cut again.
    if (changed.has('card')) this.shownWhole = new Set();
  }

  override render() {
    const { card, loc } = this;
    if (!card) return nothing;
    const accent: Record<string, string> = card.origin ? { '--accent': `var(--origin-${card.origin})`, '--accent-ink': `var(--origin-${card.origin}-ink)` } : {};
    const links = card.links.length;
    return html`<aside class="panel" ${styleProperties(accent)} aria-label=${loc.name(card.title)}>
      <header>
        <p class="kind">${kindText(loc, card.kind)}</p>
        <h2>${nameWithSecond(loc, card.title, '')}</h2>
        ${card.subtitle ? html`<p class="subtitle">${subtitleText(loc, card.subtitle)}</p>` : nothing}
        <button class="close" aria-label=${loc.t('card.close')} @click=${() => this.emit(null)}>×</button>
      </header>
      <div class="body">
        <p class="stats">
          ${links === 0 && card.blocLinks.length === 0
            ? loc.t('card.noTies')
            : loc.t('card.stats', { ties: count(loc, 'ties', card.tieCount), passages: count(loc, 'passages', card.passages.length) })}
        </p>
        ${this.profile ? html`<atlas-profile .loc=${loc} .profile=${this.profile}></atlas-profile>` : nothing}
        ${links > 0 && card.selection.kind !== 'link'
          ? html`<section><h3>${loc.t('card.links')}</h3><ul>${this.upTo('links', card.links).map((row) => this.link(row))}</ul>${this.more('links', card.links.length)}</section>`
          : nothing}
        ${card.blocLinks.length > 0
          ? html`<section><h3>${loc.t('card.blocLinks')}</h3><ul>${this.upTo('blocLinks', card.blocLinks).map((row) => this.link(row))}</ul>${this.more('blocLinks', card.blocLinks.length)}</section>`
          : nothing}
        ${card.members.length > 0
          ? html`<section>
              <h3>${loc.t('card.members')}</h3>
              <p class="members">${formatList(loc, card.members.map((member) => loc.name(member)))}</p>
            </section>`
          : nothing}
        ${this.terms('card.fields', card.fields)} ${this.terms('card.modes', card.modes)}
        ${card.passages.length > 0
          ? html`<section><h3>${loc.t('card.passages')}</h3>${this.upTo('passages', card.passages).map((passage) => this.passage(passage))}${this.more('passages', card.passages.length)}</section>`
          : nothing}
      </div>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-card': DetailCard;
  }
}
