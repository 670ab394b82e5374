/**
 * Cue lexicons: words and phrases that signal agreement, contrast, negation, hedging, method reuse,
 * reporting of others' work, and the citing authors' own voice. They group rare wordings so the model
 * can weigh them together, and are conjoined with position, first person and section in features.ts.
 */

import { hashString, mix } from "./hash.js";

/** A cue category. */
export type CueCategory =
  | "agree"
  | "contrast"
  | "negation"
  | "hedge"
  | "method"
  | "report"
  | "own"
  | "ownresult"
  | "also";

const LISTS: Record<CueCategory, readonly string[]> = {
  agree: [
    "consistent with",
    "consistently",
    "in agreement",
    "agreement with",
    "agrees with",
    "agree with",
    "in accordance",
    "accordance with",
    "in line with",
    "in keeping with",
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "corroborate",
    "corroborates",
    "corroborated",
    "corroborating",
    "support",
    "supports",
    "supported",
    "in support of",
    "lends support",
    "further support",
    "add to",
    "adds to",
    "in accord",
    "accord with",
    "fits with",
    "fit with",
    "as suggested",
    "as proposed",
    "supporting",
    "reproduce",
    "reproduced",
    "replicate",
    "replicated",
    "replicating",
    "similar to",
    "similarly",
    "as reported",
    "as previously",
    "as observed",
    "as shown",
    "as found",
    "as predicted",
    "as expected",
    "concordant",
    "matches",
    "resembles",
    "comparable to",
    "parallels",
    "recapitulate",
    "recapitulates",
    "recapitulated",
    "validate",
    "validates",
    "validated",
    "reminiscent",
    "in good agreement",
    "agree",
    "agrees",
  ],
  contrast: [
    "in contrast",
    "contrast to",
    "contrast with",
    "unlike",
    "contrary to",
    "contrary",
    "contradict",
    "contradicts",
    "contradicted",
    "contradictory",
    "contradiction",
    "differ",
    "differs",
    "differed",
    "different from",
    "differences",
    "difference",
    "discrepancy",
    "discrepancies",
    "discrepant",
    "inconsistent",
    "disagree",
    "disagrees",
    "disagreement",
    "whereas",
    "however",
    "although",
    "opposite",
    "conflict",
    "conflicting",
    "conflicts",
    "at odds",
    "surprisingly",
    "unexpectedly",
    "unexpected",
    "challenge",
    "challenges",
    "dispute",
    "fail to",
    "failed to",
    "fails to",
    "could not",
    "did not",
    "do not",
    "does not",
    "were not",
    "was not",
    "not observe",
    "no evidence",
    "instead",
    "rather than",
    "despite",
    "in spite",
    "refute",
    "refutes",
    "argue against",
    "not consistent",
    "not in agreement",
    "not confirm",
    "not support",
    "not reproduce",
    "not replicate",
    "not observed",
    "not detect",
    "not find",
  ],
  negation: ["not", "no", "neither", "nor", "never", "without", "lack", "lacked", "absence", "unable", "none"],
  hedge: [
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "perhaps",
    "suggest",
    "suggests",
    "suggesting",
    "hypothesis",
    "hypothesize",
    "hypothesized",
    "hypothesise",
    "propose",
    "proposed",
    "predict",
    "predicted",
    "predicts",
    "speculate",
    "likely",
    "whether",
    "potential",
    "potentially",
    "presumably",
    "model",
    "future",
    "remains",
    "unclear",
    "unknown",
  ],
  method: [
    "as described",
    "described previously",
    "previously described",
    "as previously described",
    "described in",
    "using",
    "used",
    "according to",
    "following",
    "performed",
    "protocol",
    "protocols",
    "modified",
    "adapted",
    "obtained",
    "provided",
    "kindly",
    "gift",
    "software",
    "package",
    "kit",
    "generated",
    "strain",
    "strains",
    "plasmid",
    "plasmids",
    "antibody",
    "antibodies",
    "algorithm",
    "pipeline",
    "implemented",
    "construct",
    "constructs",
    "purchased",
    "procedure",
    "method",
    "methods",
    "dataset",
    "database",
    "version",
    "reagent",
  ],
  report: [
    "showed",
    "shown",
    "show",
    "shows",
    "reported",
    "reports",
    "demonstrated",
    "demonstrate",
    "found",
    "identified",
    "revealed",
    "known",
    "established",
    "previous",
    "previously",
    "recent",
    "recently",
    "studies",
    "study",
    "work",
    "review",
    "reviewed",
    "described",
    "observed",
    "proposed",
  ],
  own: [
    "we",
    "our",
    "us",
    "ours",
    "here we",
    "in this study",
    "this study",
    "the present study",
    "present study",
    "current study",
    "our data",
    "our results",
    "our findings",
    "our observations",
    "our analysis",
    "our study",
    "we found",
    "we observed",
    "we show",
    "we find",
    "we observe",
    "here",
  ],
  ownresult: [
    "we found",
    "we find",
    "we observed",
    "we observe",
    "we show",
    "we showed",
    "we detected",
    "we saw",
    "we see",
    "we measured",
    "we identified",
    "we obtained",
    "we did not",
    "we could not",
    "we were unable",
    "we failed",
    "we also",
    "our data",
    "our results",
    "our findings",
    "our observations",
    "our analysis",
    "our analyses",
    "our experiments",
    "our measurements",
    "our study",
    "our model",
    "our work",
    "this study",
    "the present study",
    "present study",
    "current study",
    "in this study",
    "here we",
    "these results",
    "these data",
    "these findings",
    "these observations",
    "this result",
    "this finding",
    "this observation",
    "this discrepancy",
    "this difference",
  ],
  also: ["also", "too", "likewise", "again", "similarly", "both"],
};

/** Phrase hashes (the token hashes of a phrase chained with `mix`) to their categories. */
interface PhraseTable {
  readonly phrases: Map<number, CueCategory[]>;
  readonly firstWords: Set<number>;
  /** A one-byte-per-slot filter on the low 16 bits of first words: most tokens are rejected here. */
  readonly filter: Uint8Array;
}

/** The hash of a token sequence as matched by {@link findCues}: token hashes chained with `mix`. */
export function phraseHash(tokenHashes: ArrayLike<number>, start: number, length: number): number {
  let h = tokenHashes[start] as number;
  for (let i = 1; i < length; i++) h = mix(h, tokenHashes[start + i] as number);
  return h;
}

function build(): PhraseTable {
  const phrases = new Map<number, CueCategory[]>();
  const firstWords = new Set<number>();
  for (const [category, list] of Object.entries(LISTS) as [CueCategory, readonly string[]][]) {
    for (const phrase of list) {
      const words = phrase.split(" ").map(hashString);
      const key = phraseHash(words, 0, words.length);
      const cats = phrases.get(key) ?? [];
      if (!cats.includes(category)) cats.push(category);
      phrases.set(key, cats);
      firstWords.add(words[0] as number);
    }
  }
  const filter = new Uint8Array(1 << 16);
  for (const h of firstWords) filter[h & 0xffff] = 1;
  return { phrases, firstWords, filter };
}

const TABLE = build();

/** A cue found in a token list. */
export interface CueMatch {
  readonly category: CueCategory;
  /** Index of the first token. */
  readonly start: number;
  /** Number of tokens. */
  readonly length: number;
}

/** Finds every lexicon phrase (1 to 4 words) in a token list given by its token hashes (`hashString`). */
export function findCues(tokenHashes: ArrayLike<number>, n = tokenHashes.length): CueMatch[] {
  const out: CueMatch[] = [];
  for (let i = 0; i < n; i++) {
    let h = tokenHashes[i] as number;
    if (TABLE.filter[h & 0xffff] === 0 || !TABLE.firstWords.has(h)) continue;
    const maxLen = Math.min(4, n - i);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1) h = mix(h, tokenHashes[i + len - 1] as number);
      const cats = TABLE.phrases.get(h);
      if (cats === undefined) continue;
      for (const category of cats) out.push({ category, start: i, length: len });
    }
  }
  return out;
}

/** Every category, in a fixed order. */
export const CUE_CATEGORIES = Object.keys(LISTS) as CueCategory[];
