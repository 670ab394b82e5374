/**
 * Full text inside one report, evaluated on the sentences of the work's statements. A report reads at
 * most the statements of one cited work, so the query is evaluated in the store's own SQL function over
 * that bounded set rather than in the FTS index, whose per-row probes cost tens of microseconds each
 * and whose match sets for common words span the whole index. The tokenization is FTS5 unicode61 with
 * remove_diacritics (letters and digits; case and diacritics folded), so a query means the same here
 * and in the global search. The score is BM25's term-frequency part (k1 = 1.2, b = 0.75) summed over the
 * words and phrases that match; the terms weigh the same (there is no corpus-wide idf inside one report).
 */
import { parseQuery, type QueryNode } from "./fts-query.js";

/** Tokens as FTS5 unicode61 (remove_diacritics 2) makes them. */
export function tokens(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range test is the point.
  const folded = /^[\u0000-\u007f]*$/.test(text) ? text : text.normalize("NFKD").replace(/\p{M}/gu, "");
  return folded
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
}

const K1 = 1.2;
const B = 0.75;
/** Typical sentence length in tokens (the length normalization's average). */
const AVERAGE_LENGTH = 30;

interface Leaf {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

type Compiled =
  | { kind: "leaf"; leaf: Leaf }
  | { kind: "and"; positive: Compiled[]; negative: Compiled[] }
  | { kind: "or"; items: Compiled[] };

function compile(node: QueryNode): Compiled {
  switch (node.kind) {
    case "text":
      return { kind: "leaf", leaf: { words: tokens(node.raw), prefix: node.prefix } };
    case "and":
      return { kind: "and", positive: node.positive.map(compile), negative: node.negative.map(compile) };
    case "or":
      return { kind: "or", items: node.items.map(compile) };
  }
}

/** How often a word or phrase occurs in the tokens (the last word may be a prefix). */
function occurrences(leaf: Leaf, toks: readonly string[]): number {
  const w = leaf.words;
  if (w.length === 0) return 0;
  let n = 0;
  for (let i = 0; i + w.length <= toks.length; i++) {
    let ok = true;
    for (let j = 0; j < w.length && ok; j++) {
      const t = toks[i + j] as string;
      const q = w[j] as string;
      ok = leaf.prefix && j === w.length - 1 ? t.startsWith(q) : t === q;
    }
    if (ok) n++;
  }
  return n;
}

/** The score of a node on a sentence, or null when it does not match. */
function evaluate(node: Compiled, toks: readonly string[]): number | null {
  switch (node.kind) {
    case "leaf": {
      const tf = occurrences(node.leaf, toks);
      if (tf === 0) return null;
      return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * toks.length) / AVERAGE_LENGTH));
    }
    case "and": {
      for (const n of node.negative) if (evaluate(n, toks) !== null) return null;
      let score = 0;
      for (const p of node.positive) {
        const s = evaluate(p, toks);
        if (s === null) return null;
        score += s;
      }
      return score;
    }
    case "or": {
      let score: number | null = null;
      for (const item of node.items) {
        const s = evaluate(item, toks);
        if (s !== null) score = (score ?? 0) + s;
      }
      return score;
    }
  }
}

/** A scorer for a query: the score of a sentence (higher is better), or null when it does not match. */
export type Scorer = (sentence: string) => number | null;

/** Compiles a query into a scorer; null when the query holds no word or phrase (it filters nothing). */
export function scorer(query: string): Scorer | null {
  const root = parseQuery(query);
  if (root === null) return null;
  const compiled = compile(root);
  return (sentence) => evaluate(compiled, tokens(sentence));
}
