// The page's notes on what a link or a tour asked for and could not have: one dismissible box,
// worded in the page's language and worded again when it changes (without bringing back a box
// the reader has closed). Notes can come after start: a tour is checked once its file arrives.
import type { Localizer } from '../i18n/localizer.ts';

/** A note's text in a language. */
export type NoticeLine = (loc: Localizer) => string;

interface Section {
  lead: NoticeLine;
  items: NoticeLine[];
}

export class NoticeBoard {
  private readonly sections: Section[] = [];
  private loc: Localizer | null = null;
  private readonly close = document.createElement('button');

  constructor(private readonly box: HTMLElement) {
    this.close.type = 'button';
    this.close.textContent = '×';
    this.close.addEventListener('click', () => this.dismiss());
  }

  /** Closes the box, as its × does; a note added later opens it again. */
  dismiss(): void {
    this.box.hidden = true;
  }

  /** Adds a lead and its items, and shows the box. */
  add(lead: NoticeLine, items: NoticeLine[] = []): void {
    this.sections.push({ lead, items });
    this.box.hidden = false;
    this.render();
  }

  /** Words every note in `loc`'s language. */
  word(loc: Localizer): void {
    this.loc = loc;
    this.render();
  }

  private render(): void {
    const { loc } = this;
    if (!loc || this.sections.length === 0) return;
    this.close.setAttribute('aria-label', loc.t('notices.close'));
    this.box.replaceChildren(
      this.close,
      ...this.sections.flatMap(({ lead, items }) => {
        const heading = document.createElement('p');
        heading.textContent = lead(loc);
        if (items.length === 0) return [heading];
        const list = document.createElement('ul');
        list.replaceChildren(
          ...items.map((item) => {
            const li = document.createElement('li');
            li.textContent = item(loc);
            return li;
          }),
        );
        return [heading, list];
      }),
    );
  }
}
