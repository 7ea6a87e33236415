// Saving a file the app made (a download, a picture, a table from a view) through a temporary
// object URL and a link clicked in the view's own root.

/** Saves a file through a temporary object URL. */
export function saveFile(name: string, blob: Blob, host: ShadowRoot | HTMLElement): void {
  const url = URL.createObjectURL(blob);
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
