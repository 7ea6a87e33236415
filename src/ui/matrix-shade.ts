// How a matrix cell (ui/matrix-view.ts) is shaded: its origin's colour mixed into the panel, more
// for more ties. Apart from the view so that its contrast is tested without a DOM.

/**
 * The most of its origin's colour a cell takes (the largest count): at 0.70 the ink stays at
 * least 4.7:1 on the darkest mix, Shandong's blue (test/ui/matrix-shade.test.ts).
 */
export const CELL_SHADE_MAX = 0.7;
const CELL_SHADE_MIN = 0.15;

/** The share of the origin's colour in a cell of `ties` where the largest cell has `max`. */
export const cellShade = (ties: number, max: number) => CELL_SHADE_MIN + ((CELL_SHADE_MAX - CELL_SHADE_MIN) * ties) / max;
