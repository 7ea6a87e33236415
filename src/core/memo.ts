// Selectors compute once per input: the store hands every view the same filters (or selection)
// object until it changes, so the last input and its result are all a selector keeps.

/** `compute` remembering its last input and result; inputs are compared with `same` (identity by default). */
export function memoLast<A, R>(compute: (input: A) => R, same: (a: A, b: A) => boolean = Object.is): (input: A) => R {
  let last: { input: A; result: R } | null = null;
  return (input) => {
    if (!last || !(Object.is(last.input, input) || same(last.input, input))) last = { input, result: compute(input) };
    return last.result;
  };
}
