// The map caption some venues require under a published map, e.g. a map approval number
// (审图号). Set at deployment in map-caption.json next to index.html ({"text": "审图号:…"});
// empty text shows nothing.
import { loadJson } from '../load/files.ts';

/** Shows the caption, if one is set; resolves with its text (null for none), which pictures of the map carry too. */
export async function showCaption(element: HTMLElement): Promise<string | null> {
  const config = (await loadJson(new URL('map-caption.json', document.baseURI).href, 'map-caption.json')) as { text?: unknown };
  if (typeof config.text !== 'string' || config.text.trim() === '') return null;
  element.textContent = config.text;
  element.hidden = false;
  return config.text.trim();
}
