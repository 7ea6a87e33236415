// The feature states that show what the filters keep (see KeptStates), written as changes only:
// MapLibre re-evaluates the paint of every feature whose state is set, so a filter change sets
// the state of the features it changes and no others. Knows nothing of MapLibre itself: it is
// handed the function that sets a state.
import type { BundleId } from '../core/bundles.ts';
import { shadeOf, type AtlasFeatures, type KeptStates } from '../core/map-features.ts';
import { PAPER, tieShades } from './palette.ts';
import { KEPT_STATE, SOURCES } from './style.ts';

export interface StateTarget {
  source: string;
  id: string | number;
}

type Value = string | number | boolean;
export type KeptState = Partial<Record<(typeof KEPT_STATE)[keyof typeof KEPT_STATE], Value>>;

/** A feature whose state follows the filters: how to read its value from KeptStates, and the state that shows a value. */
interface Target extends StateTarget {
  value(kept: KeptStates, shades: readonly string[]): Value;
  state(value: Value): KeptState;
}

const hidden = (value: Value): KeptState => ({ [KEPT_STATE.hidden]: value as boolean });

function targetsOf(features: AtlasFeatures): Target[] {
  const targets: Target[] = [];
  for (const { properties: area } of features.base.features) {
    // A country without ties in the whole dataset has none under any filter.
    if (area.kind !== 'country' || area.ties === 0) continue;
    targets.push({
      source: SOURCES.base,
      id: area.id!,
      value: (kept, shades) => {
        const shade = shadeOf(kept.tieClasses, kept.countryTies.get(area.id!) ?? 0);
        return shade < 0 ? PAPER.land : shades[shade]!;
      },
      state: (colour) => ({ [KEPT_STATE.shade]: colour }),
    });
  }
  const blocs = new Set<string>();
  for (const { id, properties: line } of features.lines.features) {
    if (line.kind === 'link') {
      targets.push({ source: SOURCES.lines, id: id!, value: (kept) => !kept.links.has(line.id), state: hidden });
    } else if (line.kind === 'bundle') {
      targets.push({ source: SOURCES.lines, id: id!, value: (kept) => !kept.bundles.has(line.id as BundleId), state: hidden });
    } else if (!blocs.has(line.id)) {
      // A bloc's spokes share its feature id: one state shows or hides them all.
      blocs.add(line.id);
      targets.push({ source: SOURCES.lines, id: id!, value: (kept) => !kept.hubLinks.has(line.id), state: hidden });
    }
  }
  for (const { properties: point } of features.points.features) {
    if (point.kind === 'hub') {
      targets.push({
        source: SOURCES.points,
        id: point.key,
        value: (kept) => kept.hubLinks.get(point.id) ?? 0,
        state: (links) => (links === 0 ? { [KEPT_STATE.hidden]: true } : { [KEPT_STATE.hidden]: false, [KEPT_STATE.links]: links }),
      });
    }
  }
  return targets;
}

export class KeptStateWriter {
  private readonly targets: Target[];
  /**
   * The value each target shows: at first what the features show of their own (every link
   * kept), which needs no state; then what was last written.
   */
  private readonly written: Value[];

  constructor(features: AtlasFeatures) {
    this.targets = targetsOf(features);
    const shades = tieShades(features.kept.tieClasses.length);
    this.written = this.targets.map((target) => target.value(features.kept, shades));
  }

  /** Sets, through `set`, the state of each feature whose value differs from the last write; returns how many. */
  write(kept: KeptStates, set: (target: StateTarget, state: KeptState) => void): number {
    const shades = tieShades(kept.tieClasses.length);
    let changed = 0;
    this.targets.forEach((target, i) => {
      const value = target.value(kept, shades);
      if (value === this.written[i]) return;
      this.written[i] = value;
      set(target, target.state(value));
      changed++;
    });
    return changed;
  }
}
