/** One signal per page load that the first useful screen is on display: a performance mark for
 * tests and benchmarks, and the moment Teams may hide its loading indicator. */
export const FIRST_RENDER_MARK = "cascade:first-render";

let hasMarked = false;

export function markFirstRender(): boolean {
  if (hasMarked) return false;
  hasMarked = true;
  performance.mark(FIRST_RENDER_MARK);
  return true;
}
