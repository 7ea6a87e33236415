// The map caption some venues require under a published map, e.g. a map approval number
// (审图号). Set at deployment in map-caption.json next to index.html ({"text": "审图号:…"});
// empty text shows nothing.
import { loadJson } from '../load/files.ts';

export async function showCaption(element: HTMLElement): Promise<void> {
  const config = (await loadJson(new URL('map-caption.json', document.baseURI).href, 'The map caption')) as { text?: unknown };
  if (typeof config.text === 'string' && config.text.trim() !== '') {
    element.textContent = config.text;
    element.hidden = false;
  }
}
