// The shareable view in the address bar: read once at start, written back on every change, so a
// reload or a pasted link opens the same view. Parameters that cannot be used are dropped with a
// short notice in the page; nothing in a URL can stop the atlas from starting.
import { formatViewState, parseViewState, type Notice, type ViewState } from '../core/url-state.ts';
import type { Atlas } from '../core/types.ts';
import type { Localizer } from '../ui/i18n.ts';
import type { Store } from './store.ts';

export function viewFromUrl(atlas: Atlas): { view: ViewState; notices: Notice[] } {
  const { state, notices } = parseViewState(location.search, atlas);
  return { view: state, notices };
}

const viewOf = ({ lang, filters, selection, projection, camera, reading }: ViewState): ViewState => ({
  lang,
  filters,
  selection,
  projection,
  camera,
  reading,
});

export function keepViewInUrl(store: Store): void {
  let written = location.search;
  store.subscribe((state) => {
    const query = formatViewState(viewOf(state));
    if (query === written) return;
    written = query;
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
  });
}

/** A short, dismissible note naming each parameter that was dropped and why. */
export function showNotices(box: HTMLElement, notices: readonly Notice[], loc: Localizer): void {
  if (notices.length === 0) return;
  const list = document.createElement('ul');
  for (const n of notices) {
    const item = document.createElement('li');
    item.textContent = `${n.param}=${n.value.length > 40 ? `${n.value.slice(0, 40)}…` : n.value}: ${n.reason}`;
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', loc.t('notices.close'));
  close.addEventListener('click', () => (box.hidden = true));
  const heading = document.createElement('p');
  heading.textContent = loc.t('notices.lead');
  box.replaceChildren(close, heading, list);
  box.hidden = false;
}
