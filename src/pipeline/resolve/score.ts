/** How alike a reference and a candidate work are, from title, first author, year and journal. */
import type { Person } from "../../core/document.js";
import { foldText, journalKey, surnameKey } from "./normalize.js";

/** The metadata both sides of a match have (a reference, or a work already known). */
export interface MatchMeta {
  readonly titleKey: string | null;
  readonly authors: readonly Person[];
  readonly year: number | null;
  readonly journal: string | null;
}

/** The parts of a score, each 0..1 (0.5 when one side does not say). */
export interface ScoreParts {
  readonly title: number;
  readonly author: number;
  readonly year: number;
  readonly journal: number;
}

/** Weights of the parts; they sum to 1. */
export const WEIGHTS: ScoreParts = { title: 0.5, author: 0.25, year: 0.17, journal: 0.08 };

/** Scores a reference against a candidate, 0..1. */
export function score(ref: MatchMeta, candidate: MatchMeta): number {
  const p = scoreParts(ref, candidate);
  const s = WEIGHTS.title * p.title + WEIGHTS.author * p.author + WEIGHTS.year * p.year + WEIGHTS.journal * p.journal;
  return Math.round(s * 1e6) / 1e6;
}

/** The parts of {@link score}. */
export function scoreParts(ref: MatchMeta, candidate: MatchMeta): ScoreParts {
  return {
    title: titleSimilarity(ref.titleKey, candidate.titleKey),
    author: authorAgreement(ref.authors, candidate.authors),
    year: yearAgreement(ref.year, candidate.year),
    journal: journalAgreement(ref.journal, candidate.journal),
  };
}

/** Dice coefficient of character bigrams of two title keys (1 when equal, 0 when either is missing). */
export function titleSimilarity(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  const grams = bigrams(a);
  const other = bigrams(b);
  let shared = 0;
  for (const [g, n] of grams) shared += Math.min(n, other.get(g) ?? 0);
  const total = a.length - 1 + (b.length - 1);
  return total <= 0 ? 0 : (2 * shared) / total;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 1 when the first authors' surnames agree, 0.6 when the reference's first author is among the candidate's. */
export function authorAgreement(a: readonly Person[], b: readonly Person[]): number {
  const first = surnameKey(a[0]?.surname);
  const other = surnameKey(b[0]?.surname);
  if (first === "" || other === "") return 0.5;
  if (first === other) return 1;
  if (b.some((p) => surnameKey(p.surname) === first) || a.some((p) => surnameKey(p.surname) === other)) return 0.6;
  return 0;
}

/** 1 for the same year, 0.7 for a year apart (print versus online), 0 otherwise. */
export function yearAgreement(a: number | null, b: number | null): number {
  if (a === null || b === null) return 0.5;
  const d = Math.abs(a - b);
  return d === 0 ? 1 : d === 1 ? 0.7 : 0;
}

/** 1 for the same folded journal, 0.8 when one abbreviates the other word by word, 0.2 otherwise. */
export function journalAgreement(a: string | null, b: string | null): number {
  const ka = journalKey(a);
  const kb = journalKey(b);
  if (ka === "" || kb === "") return 0.5;
  if (ka === kb) return 1;
  return abbreviates(foldText(a ?? ""), foldText(b ?? "")) || abbreviates(foldText(b ?? ""), foldText(a ?? ""))
    ? 0.8
    : 0.2;
}

/** True when every word of `short` begins the word at the same place of `long` ("J Biol Chem"). */
function abbreviates(short: string, long: string): boolean {
  const s = short.split(" ");
  const l = long.split(" ").filter((w) => !["of", "the", "and", "for", "in", "on"].includes(w));
  return s.length === l.length && s.every((w, i) => (l[i] ?? "").startsWith(w));
}
