// The two drawers of index.html: the explore panels and the table of ties.
import type { Localizer } from '../i18n/localizer.ts';

const drawers = () => [...document.querySelectorAll<HTMLDetailsElement>('#explore, #ties')];

/** The drawers' own labels (their summaries are in the page, not in a component). */
export function nameDrawers(loc: Localizer): void {
  document.querySelector('#explore > summary')!.textContent = loc.t('drawer.explore');
  document.querySelector('#ties > summary')!.textContent = loc.t('drawer.ties');
}

/** Closes both drawers (a kiosk, when its visitor has gone). */
export function closeDrawers(): void {
  for (const drawer of drawers()) drawer.open = false;
}

/**
 * Unhides the drawers. Beside each other on a wide screen (index.html), they would cover each
 * other on a narrow one: there, opening one closes the other.
 */
export function showDrawers(): void {
  const all = drawers();
  // The complement of index.html's (min-width: 900px), fractional widths included.
  const narrow = matchMedia('not (min-width: 900px)');
  const keepOne = (open: HTMLDetailsElement) => {
    for (const other of all) if (other !== open) other.open = false;
  };
  for (const drawer of all) {
    drawer.hidden = false;
    drawer.addEventListener('toggle', () => drawer.open && narrow.matches && keepOne(drawer));
  }
  // Narrowed with both open: the first (the filters) stays.
  narrow.addEventListener('change', () => {
    const open = all.find((drawer) => drawer.open);
    if (narrow.matches && open) keepOne(open);
  });
}
