/**
 * Sentence boundaries proposed by Intl.Segmenter, for many paragraphs at once. Each `segment()` call
 * costs tens of microseconds before the first boundary, and each boundary costs more the longer the
 * text (V8 20), so short paragraphs are batched (joined by U+2029 PARAGRAPH SEPARATOR, after which the
 * segmenter always breaks and across which it never looks) and long ones are read in overlapping
 * windows. The boundaries are the same as one call per paragraph would give.
 */

const SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });
const SEPARATOR = "\u2029";
/** Batches grow to about this many characters (measured fastest between 1 and 2 kB). */
const BATCH = 1500;
/** Paragraphs longer than this are read in windows of this size. */
const WINDOW = 4096;
/** Boundaries this close to a window's cut-off edge are taken from the neighbouring window instead. */
const MARGIN = 256;

/** The boundaries (segment starts after 0) the segmenter finds in each text. */
export function icuCutsMany(texts: readonly string[]): number[][] {
  const cuts: number[][] = texts.map(() => []);
  let batch: number[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length > 0) segmentBatch(texts, batch, cuts);
    batch = [];
    size = 0;
  };
  texts.forEach((text, i) => {
    if (text.length > WINDOW) {
      cuts[i] = windowCuts(text);
      return;
    }
    if (size > 0 && size + text.length + 1 > BATCH) flush();
    batch.push(i);
    size += text.length + 1;
  });
  flush();
  return cuts;
}

/** The boundaries of one text. */
export function icuCuts(text: string): number[] {
  return icuCutsMany([text])[0] ?? [];
}

function segmentBatch(texts: readonly string[], batch: readonly number[], out: number[][]): void {
  const starts: number[] = [];
  let joined = "";
  for (const i of batch) {
    starts.push(joined.length);
    joined += `${texts[i] ?? ""}${SEPARATOR}`;
  }
  let k = 0;
  for (const s of SEGMENTER.segment(joined)) {
    while (k + 1 < starts.length && (starts[k + 1] ?? 0) <= s.index) k++;
    const local = s.index - (starts[k] ?? 0);
    const length = texts[batch[k] ?? 0]?.length ?? 0;
    if (local > 0 && local < length) out[batch[k] ?? 0]?.push(local);
  }
}

/**
 * Boundaries of a long text from overlapping windows: each window's boundaries are kept only in its
 * middle part, away from edges where the segmenter lacks context; the middle parts tile the text.
 */
function windowCuts(text: string): number[] {
  const cuts: number[] = [];
  for (let from = 0; ; from += WINDOW - 2 * MARGIN) {
    const to = Math.min(text.length, from + WINDOW);
    const keepFrom = from === 0 ? 1 : from + MARGIN;
    const keepTo = to === text.length ? text.length : to - MARGIN;
    for (const s of SEGMENTER.segment(text.slice(from, to))) {
      const c = from + s.index;
      if (c >= keepFrom && c < keepTo) cuts.push(c);
    }
    if (to === text.length) return cuts;
  }
}
