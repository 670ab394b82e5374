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
  let out = "";
  let at = 0;
  for (const m of markers) {
    const from = Math.max(at, m.start);
    const to = Math.min(m.end, text.length);
    if (from >= to) continue;
    out += text.slice(at, from) + maskOne(text.slice(from, to), from === m.start);
    at = to;
  }
  return out + text.slice(at);
}

/** One marker's text masked; `first` says whether it starts at the marker's first character. */
function maskOne(marker: string, first: boolean): string {
  let out = "";
  for (let i = 0; i < marker.length; i++) {
    const c = marker.charAt(i);
    const code = marker.charCodeAt(i);
    if (code >= 48 && code <= 57) out += "0";
    else if (code === 32 || code === 44 || code === 59 || code === 40 || code === 41 || KEEP.test(c)) out += c;
    else if (i === 0 && first && c !== c.toLowerCase()) out += "A";
    else out += "a";
  }
  return out;
}
