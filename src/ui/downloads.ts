// Downloads of exactly what the filters keep: the CSV table, GeoJSON and a JSON subset of the
// dataset. What goes into each file is decided in src/core/downloads.ts; this panel only turns
// the file into a Blob and saves it, and says what is saved (N ties, lines, documents).
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DOWNLOAD_FORMATS, localDay, type DownloadFormat, type DownloadOffer } from '../core/downloads.ts';
import { controlStyles } from './control-styles.ts';
import { count } from './format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { panelStyles } from './shared-styles.ts';

export interface DownloadDetail {
  format: DownloadFormat;
  name: string;
  ties: number;
}

/** Saves a text as a file through a temporary object URL. */
function save(name: string, type: string, content: string, host: ShadowRoot | HTMLElement): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  host.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to have taken the Blob over.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

@customElement('atlas-downloads')
export class Downloads extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** The downloads of the kept ties (AtlasModel.downloads). */
  @property({ attribute: false }) offer: DownloadOffer | null = null;

  /** What was last saved, for screen readers. */
  @state() private status = '';

  static override styles = [
    panelStyles,
    controlStyles,
    css`
      section {
        padding: 0.7em 0.85em;
      }
      h2 {
        font-size: 1.1em;
      }
      .what {
        margin: 0.2em 0 0.6em;
        color: var(--ink-muted, #5d636d);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        flex: 1 1 12em;
        min-height: 2.6em;
        padding: 0.4em 0.75em;
        border: 1px solid var(--rule-strong, #cfc8b9);
        border-radius: 6px;
        background: var(--panel, #fffefb);
        text-align: start;
      }
      button:not(:disabled):hover {
        background: var(--chip, #f0ece3);
      }
      .label {
        font-weight: 600;
      }
      .note {
        color: var(--ink-muted, #5d636d);
        font-size: 0.88em;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('offer')) this.status = '';
  }

  private download(format: DownloadFormat): void {
    const { offer } = this;
    if (!offer || offer.ties === 0) return;
    const file = offer.file(format, localDay(new Date()));
    save(file.name, file.type, file.content, this.renderRoot as ShadowRoot);
    this.status = this.loc.t('downloads.started', { name: file.name });
    const detail: DownloadDetail = { format, name: file.name, ties: offer.ties };
    this.dispatchEvent(new CustomEvent('data-download', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const { loc } = this;
    const offer = this.offer;
    const empty = !offer || offer.ties === 0;
    const what = empty
      ? loc.t('downloads.none')
      : loc.t('downloads.what', {
          ties: count(loc, 'ties', offer.ties),
          links: count(loc, 'links', offer.links),
          documents: count(loc, 'documents', offer.documents),
        });
    return html`<section class="panel" aria-labelledby="downloads-title" lang=${loc.tag}>
      <h2 id="downloads-title">${loc.t('downloads.title')}</h2>
      <p class="what" id="downloads-what">${what}</p>
      <div class="buttons">
        ${DOWNLOAD_FORMATS.map(
          (format) => html`<button
            ?disabled=${empty}
            aria-describedby="note-${format} downloads-what"
            @click=${() => this.download(format)}
          >
            <span class="label">${loc.t(`downloads.${format}`)}</span>
            <span class="note" id="note-${format}">${loc.t(`downloads.${format}.note`)}</span>
          </button>`,
        )}
      </div>
      <p class="sr-only" role="status">${this.status}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-downloads': Downloads;
  }
  interface HTMLElementEventMap {
    'data-download': CustomEvent<DownloadDetail>;
  }
}
