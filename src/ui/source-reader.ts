// The source reader: one seed document whole, in a modal dialog, with every mention the
// extraction found highlighted and the cited passage marked and scrolled into view, in the
// original script or converted to Simplified or Traditional. Like the other views it is driven by
// its properties (`reading` opens it) and reports the user's choices as events for the host to
// apply; what it keeps itself is only what it has loaded.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { readerLines, type Line, type ReaderIndex, type Run } from '../core/reader.ts';
import { loadConverter, type ScriptConverter } from '../core/script-conversion';
import type { Names, SourceDocument, TextMention } from '../core/types.ts';
import { SCRIPTS, type Reading, type Script } from '../core/view-state.ts';
import { localizer, type Localizer } from '../i18n/localizer.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { LoadError } from '../load/files.ts';
import { loadMentions, loadSourceText } from '../load/reader-sources.ts';
import { loadProblemText } from './notice-text.ts';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

interface Source {
  text: string;
  mentions: TextMention[];
}

interface Shown {
  script: Script;
  convert: ScriptConverter;
}

const ORIGINAL: Shown = { script: 'original', convert: (text) => text };

const KIND_LABELS: Record<TextMention['kind'], MessageKey> = {
  partner: 'reader.kind.partner',
  site: 'reader.kind.site',
  place: 'reader.kind.place',
};

/** Each script is named in itself, as language pickers do; the English interface uses English. */
const SCRIPT_NAMES: Record<Exclude<Script, 'original'>, Names> = {
  'zh-Hans': { zh: '简体', en: 'Simplified' },
  'zh-Hant': { zh: '繁體', en: 'Traditional' },
};

/** Why the text cannot be shown, in the reader's language where the loader says why as a code. */
const errorText = (loc: Localizer, error: unknown) =>
  error instanceof LoadError ? loadProblemText(loc, error.problem) : error instanceof Error ? error.message : String(error);

/** The element that has focus, looking inside shadow roots: the opener the reader returns to. */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

@customElement('atlas-reader')
export class SourceReader extends LitElement {
  /** What the reader needs of the dataset (readerIndex): the documents, and the names of what mentions refer to. */
  @property({ attribute: false }) index: ReaderIndex | null = null;
  @property({ attribute: false }) loc: Localizer = localizer('zh-Hans', {});
  /** The document, passage and script to show; null closes the reader. */
  @property({ attribute: false }) reading: Reading | null = null;

  @state() private source: Loaded<Source> = { status: 'loading' };
  @state() private shown: Shown = ORIGINAL;
  @state() private scriptStatus: 'ready' | 'loading' | 'failed' = 'ready';

  @query('dialog') private dialog!: HTMLDialogElement;

  /** The document whose text and mentions `source` holds or is loading. */
  private sourceDoc: string | null = null;
  private lines: Line[] = [];
  /** What `lines` were made from, to make them again only when one of these changes. */
  private linesFrom: unknown[] = [];
  private requestedScript: Script = 'original';
  private scrollPending = false;
  private opener: HTMLElement | null = null;

  static override styles = css`
    :host {
      --mention-partner: #0072b2;
      --mention-site: #d55e00;
      --mention-place: #009e73;
      --passage: #ffe680;
    }
    dialog {
      box-sizing: border-box;
      width: min(64rem, calc(100vw - 48px));
      height: calc(100dvh - 48px);
      max-width: none;
      max-height: none;
      padding: 0;
      border: 1px solid var(--rule, #e6e1d6);
      border-radius: 10px;
      background: var(--panel, #fffefb);
      color: var(--ink, #262a31);
      font-family: var(--font, sans-serif);
      font-size: 16px;
      line-height: 1.5;
      box-shadow: 0 12px 48px rgb(0 0 0 / 0.25);
    }
    /* Only when open: a display on the closed dialog would override the hiding. */
    dialog[open] {
      display: flex;
      flex-direction: column;
    }
    dialog::backdrop {
      background: rgb(20 28 36 / 0.5);
    }
    header {
      position: relative;
      padding: 18px 64px 12px 28px;
      border-bottom: 1px solid var(--rule, #e6e1d6);
    }
    h2 {
      margin: 0;
      font-size: clamp(1.2rem, 1rem + 0.7vw, 1.75rem);
      font-weight: 600;
      line-height: 1.3;
    }
    .original-title,
    .meta {
      margin: 4px 0 0;
      color: var(--ink-muted, #5d636d);
    }
    .meta {
      font-size: 0.95rem;
    }
    time {
      font-variant-numeric: tabular-nums;
    }
    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--focus, #0072b2);
      outline-offset: 2px;
    }
    .text:focus-visible {
      outline: 3px solid var(--focus, #0072b2);
      outline-offset: -3px;
    }
    .close {
      position: absolute;
      top: 12px;
      right: 12px;
      width: 44px;
      height: 44px;
      border: none;
      border-radius: 50%;
      background: transparent;
      font-size: 26px;
      line-height: 1;
    }
    .close:hover {
      background: var(--rule, #e6e1d6);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 10px 28px;
      padding: 10px 28px;
      border-bottom: 1px solid var(--rule, #e6e1d6);
      font-size: 0.95rem;
    }
    fieldset {
      display: flex;
      align-items: center;
      gap: 10px;
      margin: 0;
      padding: 0;
      border: none;
    }
    legend {
      float: left;
      padding: 0;
      color: var(--ink-muted, #5d636d);
    }
    .scripts {
      display: inline-flex;
      border: 1px solid var(--rule-strong, #cfc8b9);
      border-radius: 6px;
      overflow: hidden;
    }
    .scripts label {
      position: relative;
      display: flex;
    }
    .scripts label + label {
      border-left: 1px solid var(--rule-strong, #cfc8b9);
    }
    /* The radio itself stays focusable and keyboard-driven (arrow keys); its label is drawn. */
    .scripts input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    /* Centred, so the three names line up even where their fonts' metrics differ. */
    .scripts span {
      display: flex;
      align-items: center;
      justify-content: center;
      min-width: 3em;
      padding: 8px 14px;
    }
    .scripts input:checked + span {
      background: var(--ink, #262a31);
      color: var(--panel, #fffefb);
      font-weight: 600;
    }
    .scripts input:focus-visible + span {
      outline: 3px solid var(--focus, #0072b2);
      outline-offset: -3px;
    }
    .key {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 18px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .status {
      margin: 0;
      color: var(--ink-muted, #5d636d);
    }
    .status:empty {
      display: none;
    }
    .problem {
      max-width: 36em;
      margin: 24px auto;
      padding: 14px 18px;
      border-left: 4px solid #d55e00;
      background: var(--quote, #faf8f3);
    }
    .problem p {
      margin: 0 0 8px;
    }
    .problem .detail {
      color: var(--ink-muted, #5d636d);
      font-size: 0.9rem;
    }
    .problem button {
      padding: 6px 14px;
      border: 1px solid var(--rule-strong, #cfc8b9);
      border-radius: 6px;
      background: var(--panel, #fffefb);
    }
    .text {
      flex: 1;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: 20px 28px 40px;
      /* Large enough to read from the back of a room when projected. */
      font-size: clamp(1.0625rem, 0.9rem + 0.55vw, 1.5rem);
      line-height: 1.9;
    }
    .column {
      max-width: 40em;
      margin: 0 auto;
    }
    .column p {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    /* Source pages are full of empty lines: kept, but as thin gaps. */
    .column p.blank {
      height: 0.5em;
      overflow: hidden;
    }
    /* The three kinds differ by line style as well as colour: solid, double, dashed. */
    .mention {
      text-decoration-line: underline;
      text-decoration-skip-ink: none;
      text-decoration-thickness: 2px;
    }
    .partner {
      text-decoration-style: solid;
      text-decoration-color: var(--mention-partner);
      text-underline-offset: 0.2em;
      background: rgb(0 114 178 / 0.09);
    }
    /* Sites and places sit lower, so a partner named inside a site shows both lines. */
    .site {
      text-decoration-style: double;
      text-decoration-thickness: 3px;
      text-decoration-color: var(--mention-site);
      text-underline-offset: 0.42em;
    }
    .place {
      text-decoration-style: dashed;
      text-decoration-color: var(--mention-place);
      text-underline-offset: 0.42em;
    }
    mark,
    .passage {
      background: var(--passage);
      color: inherit;
      box-shadow: 0 0 0 2px var(--passage);
      border-radius: 2px;
    }
    @media (max-width: 640px) {
      dialog {
        width: 100vw;
        height: 100dvh;
        margin: 0;
        border: none;
        border-radius: 0;
      }
      header {
        padding: 12px 60px 10px 16px;
      }
      .meta {
        font-size: 0.85rem;
      }
      .tools {
        padding: 8px 16px;
        gap: 8px 16px;
      }
      .scripts span {
        min-width: 0;
        padding: 8px 10px;
      }
      .text {
        padding: 14px 16px 32px;
      }
    }
  `;

  private get document(): SourceDocument | undefined {
    return this.reading ? this.index?.documents.get(this.reading.doc) : undefined;
  }

  private emit(name: 'reader-close' | 'reader-script', detail?: Script): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private loadSource(doc: SourceDocument): void {
    this.sourceDoc = doc.id;
    this.source = { status: 'loading' };
    Promise.all([loadSourceText(doc), loadMentions()]).then(
      ([text, index]) => {
        if (this.sourceDoc !== doc.id) return;
        this.source = { status: 'ready', value: { text, mentions: index[doc.id] ?? [] } };
        this.scrollPending = true;
      },
      (error: unknown) => {
        if (this.sourceDoc === doc.id) this.source = { status: 'failed', error };
      },
    );
  }

  private loadScript(script: Script): void {
    this.requestedScript = script;
    if (script === this.shown.script) {
      this.scriptStatus = 'ready';
      return;
    }
    this.scriptStatus = 'loading';
    loadConverter(script).then(
      (convert) => {
        if (this.requestedScript !== script) return;
        this.shown = { script, convert };
        this.scriptStatus = 'ready';
      },
      () => {
        if (this.requestedScript !== script) return;
        this.shown = ORIGINAL;
        this.scriptStatus = 'failed';
      },
    );
  }

  private retry(): void {
    const doc = this.document;
    if (this.source.status === 'failed' && doc) this.loadSource(doc);
    if (this.scriptStatus === 'failed') this.loadScript(this.requestedScript);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const reading = this.reading;
    if (!reading) return;
    if (changed.has('reading') || changed.has('index')) {
      const doc = this.document;
      if (doc && doc.id !== this.sourceDoc) this.loadSource(doc);
      if (reading.script !== this.requestedScript) this.loadScript(reading.script);
      const before = changed.get('reading') as Reading | null | undefined;
      if (!before || before.doc !== reading.doc || before.start !== reading.start || before.end !== reading.end) {
        this.scrollPending = true;
      }
    }
    if (this.source.status === 'ready') {
      const inputs = [this.source.value, this.shown.convert, reading.start, reading.end];
      if (inputs.some((input, i) => input !== this.linesFrom[i])) {
        const { text, mentions } = this.source.value;
        this.lines = readerLines(text, mentions, reading, this.shown.convert);
        this.linesFrom = inputs;
      }
    }
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (this.reading && !dialog.open) {
      this.opener = focusedElement();
      dialog.showModal();
    } else if (!this.reading && dialog.open) {
      dialog.close();
    }
    if (this.scrollPending && dialog.open && this.source.status === 'ready') {
      this.scrollPending = false;
      const mark = this.renderRoot.querySelector('.column mark');
      if (mark) mark.scrollIntoView({ block: 'center' });
      else this.renderRoot.querySelector('.text')?.scrollTo({ top: 0 });
    }
  }

  /** However the dialog closed (Esc, the button, the host): focus goes back where it was. */
  private onClose(): void {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    if (this.reading) this.emit('reader-close');
  }

  /** Esc belongs to the dialog while it is open: the page's own Esc (clear the selection) must not see it. */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') event.stopPropagation();
  }

  private mentionLabel(loc: Localizer, run: Extract<Run, { type: 'mention' }>): string {
    const names = run.ids.map((id) => {
      const named = this.index?.names.get(`${run.kind}:${id}`);
      return named ? loc.name(named) : id;
    });
    return loc.t('reader.mention', { kind: loc.t(KIND_LABELS[run.kind]), names: names.join(loc.lang === 'en' ? ', ' : '、') });
  }

  private run(loc: Localizer, run: Run): TemplateResult | string {
    switch (run.type) {
      case 'text':
        return run.text;
      case 'passage':
        return html`<mark title=${loc.t('reader.passage')}>${run.children.map((child) => this.run(loc, child))}</mark>`;
      case 'mention':
        return html`<span class="mention ${run.kind}" title=${this.mentionLabel(loc, run)}
          >${run.children.map((child) => this.run(loc, child))}</span
        >`;
    }
  }

  private scriptLabel(loc: Localizer, script: Script): TemplateResult {
    if (script === 'original') return html`${loc.t('reader.script.original')}`;
    const names = SCRIPT_NAMES[script];
    return loc.lang === 'en' ? html`${names.en}` : html`<span lang=${script}>${names.zh}</span>`;
  }

  private header(loc: Localizer, reading: Reading, doc: SourceDocument | undefined): TemplateResult {
    const issuer = doc && loc.name(doc.issuer);
    return html`<header>
      <h2 id="title">${doc ? loc.name(doc) : reading.doc}</h2>
      ${doc && issuer
        ? html`${loc.lang === 'en' ? html`<p class="original-title" lang="zh">${doc.zh}</p>` : nothing}
            <p class="meta">
              ${doc.issuer.inferred ? loc.t('reader.issuer.inferred', { issuer }) : issuer} ·
              <time datetime=${doc.date}>${doc.dateKind === 'posted' ? loc.t('reader.date.posted', { date: doc.date }) : doc.date}</time>
            </p>`
        : nothing}
      <button class="close" aria-label=${loc.t('reader.close')} title=${loc.t('reader.close')} @click=${() => this.dialog.close()}>
        ×
      </button>
    </header>`;
  }

  private tools(loc: Localizer, reading: Reading): TemplateResult {
    const status =
      this.source.status === 'loading' ? loc.t('reader.loading') : this.scriptStatus === 'loading' ? loc.t('reader.converting') : '';
    return html`<div class="tools">
      <fieldset>
        <legend>${loc.t('reader.script')}</legend>
        <div class="scripts">
          ${SCRIPTS.map(
            (script) => html`<label>
              <input
                type="radio"
                name="script"
                .value=${script}
                .checked=${live(reading.script === script)}
                @change=${() => this.emit('reader-script', script)}
              /><span>${this.scriptLabel(loc, script)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <ul class="key" aria-label=${loc.t('reader.key')}>
        ${(['partner', 'site', 'place'] as const).map((kind) => html`<li><span class="mention ${kind}">${loc.t(KIND_LABELS[kind])}</span></li>`)}
        ${reading.end > reading.start ? html`<li><span class="passage">${loc.t('reader.passage')}</span></li>` : nothing}
      </ul>
      <p class="status" role="status">${status}</p>
    </div>`;
  }

  /** A message in place of the text, never a blank; `detail` is the loader's (English) reason. */
  private problem(loc: Localizer, message: string, detail: string | null, retry: boolean): TemplateResult {
    return html`<div class="problem" role="alert">
      <p>${message}</p>
      ${detail ? html`<p class="detail" lang="en">${detail}</p>` : nothing}
      ${retry ? html`<button @click=${() => this.retry()}>${loc.t('reader.retry')}</button>` : nothing}
    </div>`;
  }

  private body(loc: Localizer, reading: Reading, doc: SourceDocument | undefined): TemplateResult | typeof nothing {
    if (!doc) return this.problem(loc, loc.t('reader.error'), loc.t('reader.error.no-document', { doc: reading.doc }), false);
    if (this.source.status === 'failed') return this.problem(loc, loc.t('reader.error'), errorText(loc, this.source.error), true);
    if (this.source.status === 'loading') return nothing;
    const lang = this.shown.script === 'original' ? 'zh' : this.shown.script;
    return html`${this.scriptStatus === 'failed' ? this.problem(loc, loc.t('reader.error.script'), null, true) : nothing}
      <div class="column" lang=${lang}>
        ${this.lines.map((line) => html`<p class=${line.blank ? 'blank' : ''}>${line.runs.map((run) => this.run(loc, run))}</p>`)}
      </div>`;
  }

  override render() {
    const { reading, loc } = this;
    const doc = this.document;
    return html`<dialog aria-labelledby="title" lang=${loc.tag} @close=${() => this.onClose()} @keydown=${this.onKeydown}>
      ${reading
        ? html`${this.header(loc, reading, doc)} ${this.tools(loc, reading)}
            <div
              class="text"
              tabindex="0"
              autofocus
              role="region"
              aria-label=${loc.t('reader.text')}
              aria-busy=${this.source.status === 'loading' || this.scriptStatus === 'loading'}
            >
              ${this.body(loc, reading, doc)}
            </div>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-reader': SourceReader;
  }
  interface HTMLElementEventMap {
    'reader-close': CustomEvent<undefined>;
    'reader-script': CustomEvent<Script>;
  }
}
