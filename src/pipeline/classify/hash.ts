/** Fast 32-bit hashing for hashed features: strings once, then integers mixed without allocation. */

/**
 * Hashes are kept to 30 bits so that V8 stores them as small integers (Smis), never as heap numbers:
 * this keeps arrays of them packed and Map/Set look-ups fast.
 */
const MASK = 0x3fffffff;

/** FNV-1a hash of a string (UTF-16 code units), as a non-negative 30-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 30)) & MASK;
}

/** Combines two hashes into one (order matters), e.g. a namespace with a token, or two tokens. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & MASK;
}
