/** Counts in words for the pages: "1 statement", "1,204 statements". */

/** `n` (with thousands separators) and the noun, singular for exactly one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
