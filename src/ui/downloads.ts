// Downloads of exactly what the filters keep: the CSV table, GeoJSON and a JSON subset of the
// dataset. What goes into each file is decided in src/core/downloads.ts; this panel only turns
// the file into a Blob and saves it, and says what is saved (N ties, lines, documents).
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DOWNLOAD_FORMATS, downloadFile, localDay, type DownloadFormat } from '../core/downloads.ts';
import { tieCount } from '../core/filters.ts';
import type { Atlas, Link } from '../core/types.ts';
import { controlStyles } from './control-styles.ts';
import { count } from './format.ts';
import { localizer, type Localizer } from './i18n.ts';
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
  @property({ attribute: false }) atlas: Atlas | null = null;
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** The kept links, each narrowed to the evidence the filters keep (filterLinks). */
  @property({ attribute: false }) links: readonly Link[] = [];

  /** What was last saved, for screen readers. */
  @state() private status = '';

  private ties = 0;
  private documents = 0;

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
    if (changed.has('links')) {
      this.ties = tieCount(this.links);
      this.documents = new Set(this.links.flatMap((l) => l.evidence.map((e) => e.doc))).size;
      this.status = '';
    }
  }

  private download(format: DownloadFormat): void {
    if (!this.atlas || this.ties === 0) return;
    const file = downloadFile(this.atlas, this.links, format, localDay(new Date()));
    save(file.name, file.type, file.content, this.renderRoot as ShadowRoot);
    this.status = this.loc.t('downloads.started', { name: file.name });
    const detail: DownloadDetail = { format, name: file.name, ties: this.ties };
    this.dispatchEvent(new CustomEvent('data-download', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const { loc } = this;
    const empty = this.ties === 0;
    const what = empty
      ? loc.t('downloads.none')
      : loc.t('downloads.what', {
          ties: count(loc, 'ties', this.ties),
          links: count(loc, 'links', this.links.length),
          documents: count(loc, 'documents', this.documents),
        });
    return html`<section class="panel" aria-labelledby="downloads-title" lang=${loc.tag}>
      <h2 id="downloads-title">${loc.t('downloads.title')}</h2>
      <p class="what" id="downloads-what">${what}</p>
      <div class="buttons">
        ${DOWNLOAD_FORMATS.map(
          (format) => html`<button
            ?disabled=${empty || !this.atlas}
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
