// Downloads of exactly what the filters keep: the CSV table, GeoJSON and a JSON subset of the
// dataset; and pictures of the map as it is now (PNG, SVG) and a printed handout. What goes into
// each file is decided in src/core/downloads.ts and, for pictures, made by the app
// (app/figures.ts); this panel saves the file and says what is saved, or that a picture is being
// made and when it is done.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DOWNLOAD_FORMATS, localDay, type DownloadFormat, type DownloadOffer } from '../core/downloads.ts';
import type { FigureFormat } from '../core/figure.ts';
import { controlStyles } from './control-styles.ts';
import { count } from '../i18n/format.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import { saveFile } from './save-file.ts';
import { panelStyles } from './shared-styles.ts';

export interface DownloadDetail {
  format: DownloadFormat;
  name: string;
  ties: number;
}

export const FIGURE_SCALES = [1, 2, 4] as const;
export type FigureScale = (typeof FIGURE_SCALES)[number];

/** A picture asked for: SVG, or PNG at a scale of the map's size on screen. */
export interface FigureRequest {
  format: FigureFormat;
  scale: FigureScale;
}

@customElement('atlas-downloads')
export class Downloads extends LitElement {
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** The downloads of the kept ties (AtlasModel.downloads). */
  @property({ attribute: false }) offer: DownloadOffer | null = null;
  /** The pixel size a PNG would have at each scale; null until the map is drawn (no pictures yet). */
  @property({ attribute: false }) figureSizes: Record<FigureScale, { width: number; height: number }> | null = null;
  /** A picture is being made: its buttons wait. */
  @state() private making = false;

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
      button[aria-disabled='true'] {
        opacity: 0.55;
        cursor: progress;
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
      h2 + .what,
      .buttons + h2 {
        margin-top: 0.9em;
      }
      .status {
        margin: 0.5em 0 0;
        min-height: 1.3em;
        color: var(--ink-muted, #5d636d);
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
    saveFile(file.name, new Blob([file.content], { type: file.type }), this.renderRoot as ShadowRoot);
    this.status = this.loc.t('downloads.started', { name: file.name });
    const detail: DownloadDetail = { format, name: file.name, ties: offer.ties };
    this.dispatchEvent(new CustomEvent('data-download', { detail, bubbles: true, composed: true }));
  }

  private askFigure(request: FigureRequest): void {
    if (this.making) return;
    this.dispatchEvent(new CustomEvent('figure-request', { detail: request, bubbles: true, composed: true }));
  }

  /** The app has started making `name`. */
  figureStarted(name: string): void {
    this.making = true;
    this.status = this.loc.t('export.working', { name });
  }

  /** The app has made a picture: saved now, and said so. */
  figureMade(figure: { format: FigureFormat; name: string; blob: Blob; width: number; height: number; capped: boolean }): void {
    this.making = false;
    saveFile(figure.name, figure.blob, this.renderRoot as ShadowRoot);
    const { name, width, height } = figure;
    this.status = figure.format === 'svg'
      ? this.loc.t('export.done.svg', { name })
      : this.loc.t(figure.capped ? 'export.capped' : 'export.done', { name, width, height });
  }

  figureFailed(name: string, reason: string): void {
    this.making = false;
    this.status = this.loc.t('export.failed', { name, reason });
  }

  private figureButtons() {
    const { loc, figureSizes } = this;
    // While a picture is made the buttons say they wait (aria-disabled) but keep the focus a
    // disabled button would throw back to the page.
    const button = (label: string, note: string, ask: () => void) =>
      html`<button ?disabled=${!figureSizes} aria-disabled=${this.making ? 'true' : 'false'} aria-describedby="figures-what" @click=${ask}>
        <span class="label">${label}</span>
        <span class="note">${note}</span>
      </button>`;
    return html`<h2 id="figures-title">${loc.t('export.title')}</h2>
      <p class="what" id="figures-what">${loc.t('export.what')}</p>
      <div class="buttons" role="group" aria-labelledby="figures-title">
        ${FIGURE_SCALES.map((scale) => {
          const size = figureSizes?.[scale] ?? { width: 0, height: 0 };
          return button(loc.t('export.png', { scale }), loc.t('export.png.note', size), () => this.askFigure({ format: 'png', scale }));
        })}
        ${button(loc.t('export.svg'), loc.t('export.svg.note'), () => this.askFigure({ format: 'svg', scale: 1 }))}
        ${button(loc.t('export.print'), loc.t('export.print.note'), () => {
          if (!this.making) this.dispatchEvent(new CustomEvent('print-request', { bubbles: true, composed: true }));
        })}
      </div>`;
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
      ${this.figureButtons()}
      <p class="status" role="status">${this.status}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-downloads': Downloads;
  }
  interface HTMLElementEventMap {
    'data-download': CustomEvent<DownloadDetail>;
    'figure-request': CustomEvent<FigureRequest>;
    'print-request': CustomEvent<void>;
  }
}
