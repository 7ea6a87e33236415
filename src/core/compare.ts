/**
 * A comparator from a record's sort keys, compared in turn: the deterministic orders of the
 * tables (the ties, the targets), which researchers diff from one export to the next.
 */
export function byKeys<T>(keys: (item: T) => readonly (string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [keys(a), keys(b)];
    for (let i = 0; i < x.length; i++) {
      if (x[i]! < y[i]!) return -1;
      if (x[i]! > y[i]!) return 1;
    }
    return 0;
  };
}
