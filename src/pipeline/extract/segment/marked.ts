/**
 * A notation for tests and fixtures: a paragraph written with its citation markers in ⟦...⟧, e.g.
 * "shown ⟦[3]⟧. Next", turned into plain text and marker spans.
 */
import type { MarkerSpan } from "./groups.js";

/** The plain text of a ⟦marked⟧ paragraph and the spans of its markers. */
export function unmark(marked: string): { text: string; markers: MarkerSpan[] } {
  const markers: MarkerSpan[] = [];
  let text = "";
  let open = -1;
  for (const ch of marked) {
    if (ch === "⟦") open = text.length;
    else if (ch === "⟧") {
      if (open < 0) throw new Error(`unbalanced ⟧ in ${JSON.stringify(marked)}`);
      markers.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  if (open >= 0) throw new Error(`unbalanced ⟦ in ${JSON.stringify(marked)}`);
  return { text, markers };
}
