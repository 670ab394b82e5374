/**
 * Masks citation markers before sentence segmentation, keeping every offset: "Smith et al., 2010"
 * becomes "Aaaaa aa aaa, 0000", so the full stops inside markers never end a sentence while a
 * marker that opens a sentence still starts with a capital.
 */
import type { MarkerSpan } from "./groups.js";

const KEEP = /[\s()[\],;\-‐‑‒–—−]/u;

/** The text with each marker's letters, digits and other marks replaced; same length as `text`. */
export function maskMarkers(text: string, markers: readonly MarkerSpan[]): string {
  if (markers.length === 0) return text;
  const chars = text.split("");
  for (const m of markers) {
    for (let i = Math.max(0, m.start); i < Math.min(m.end, chars.length); i++) {
      const c = chars[i] ?? "";
      if (KEEP.test(c)) continue;
      if (/\p{N}/u.test(c)) chars[i] = "0";
      else chars[i] = i === m.start && /\p{Lu}/u.test(c) ? "A" : "a";
    }
  }
  return chars.join("");
}
