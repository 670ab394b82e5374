/**
 * Feature extraction: hashed words and word pairs (with their side of the target citation), the
 * neighbouring sentences, the section, and evidence features (who speaks, agreement and contrast cues,
 * their negation, and how close they stand to the target rather than to another citation).
 */
import type { ClassifyInput } from "../../core/statement.js";
import { hashString, mix } from "./hash.js";
import { CUE_CATEGORIES, type CueCategory, type CueMatch, findCues } from "./lexicon.js";
import { sectionKind } from "./section.js";
import { TokenBuffer, type Tokens, tokenize, tokenText } from "./text.js";

/** Which feature groups to use; the approaches compared in docs/classifier.md differ here. */
export interface FeatureConfig {
  /** log2 of the hashed feature space. */
  readonly bits: number;
  /** Word pairs in the citing sentence. */
  readonly bigrams: boolean;
  /** Words tagged with their side of the target, and words near it. */
  readonly position: boolean;
  /** Words and pairs of the sentences before and after. */
  readonly context: boolean;
  /** Also word pairs of the neighbouring sentences (absent in older models: treated as true). */
  readonly contextPairs?: boolean;
  /** Section, citation layout and cue-lexicon evidence features. */
  readonly evidence: boolean;
}

/** The three parts of a statement, in anchor order. */
export const PART_SENTENCE = 0;
export const PART_BEFORE = 1;
export const PART_AFTER = 2;

/**
 * Features of one statement: hashed indices, values, and the text span that produced each (for cues).
 * The arrays are the extractor's reused buffers: only the first `size` entries belong to this statement.
 */
export interface Features {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  /** `part << 24 | start << 8 | length` of the tokens behind each feature, or -1. */
  readonly anchors: Int32Array;
  readonly size: number;
  /** The tokens of sentence, before and after (for rendering anchors). */
  readonly parts: readonly Tokens[];
}

const ns = (name: string): number => hashString(name);
const NS_S = ns("s"),
  NS_L = ns("left"),
  NS_R = ns("right"),
  NS_NEAR = ns("near"),
  NS_SB = ns("sb"),
  NS_P = ns("p"),
  NS_A = ns("a"),
  NS_PB = ns("pb"),
  NS_AB = ns("ab"),
  NS_SEC = ns("sec"),
  NS_LAYOUT = ns("layout"),
  NS_CUE = ns("cue"),
  NS_CUE_D = ns("cue-dist"),
  NS_CUE_CLOSE = ns("cue-closer-other"),
  NS_CUE_FP = ns("cue-fp"),
  NS_CUE_SEC = ns("cue-sec"),
  NS_CUE_FP_SEC = ns("cue-fp-sec"),
  NS_CUE_CTX = ns("cue-ctx"),
  NS_FP = ns("fp"),
  NS_FP_SEC = ns("fp-sec"),
  NS_SUM = ns("summary"),
  NS_PAIR = ns("cue-pair"),
  NS_OWNRES = ns("own-result"),
  NS_NEIGHBOUR = ns("neighbour-evidence"),
  NS_NEIGHBOUR_SEC = ns("neighbour-evidence-sec");

const CAT_HASH = new Map<string, number>();
function catHash(c: string): number {
  let h = CAT_HASH.get(c);
  if (h === undefined) {
    h = hashString(c);
    CAT_HASH.set(c, h);
  }
  return h;
}

const EMPTY: Tokens = tokenize("");

/** Reusable buffers so that inference allocates little per statement. */
class Sink {
  indices = new Int32Array(1024);
  values = new Float32Array(1024);
  anchors = new Int32Array(1024);
  size = 0;
  constructor(private readonly mask: number) {}
  push(hash: number, value: number, anchor: number): void {
    if (this.size === this.indices.length) this.grow();
    this.indices[this.size] = hash & this.mask;
    this.values[this.size] = value;
    this.anchors[this.size] = anchor;
    this.size++;
  }
  private grow(): void {
    const n = this.indices.length * 2;
    const i = new Int32Array(n);
    i.set(this.indices);
    const v = new Float32Array(n);
    v.set(this.values);
    const a = new Int32Array(n);
    a.set(this.anchors);
    this.indices = i;
    this.values = v;
    this.anchors = a;
  }
}

/** Packs a token span; spans beyond what the packing holds (absurdly long texts) get no anchor. */
const anchor = (part: number, start: number, length: number): number =>
  start > 0xffff || length > 0xff ? -1 : (part << 24) | (start << 8) | length;

function distanceBucket(d: number): number {
  return d <= 2 ? 0 : d <= 5 ? 1 : d <= 10 ? 2 : 3;
}

/** Extracts features with one configuration; `extract` reuses its buffers (copy them to keep them). */
export class FeatureExtractor {
  private readonly sink: Sink;
  /** Token buffers for the sentence, the sentence before and the sentence after. */
  private readonly buffers = [new TokenBuffer(), new TokenBuffer(), new TokenBuffer()] as const;
  constructor(readonly config: FeatureConfig) {
    this.sink = new Sink((1 << config.bits) - 1);
  }

  /** The features of one statement, in reused buffers: valid until the next call (copy to keep). */
  extract(input: ClassifyInput): Features {
    const cfg = this.config;
    const sink = this.sink;
    sink.size = 0;
    const s = tokenize(input.sentence, this.buffers[0]);
    const b = cfg.context || cfg.evidence ? tokenize(input.before ?? "", this.buffers[1]) : EMPTY;
    const a = cfg.context || cfg.evidence ? tokenize(input.after ?? "", this.buffers[2]) : EMPTY;
    const th = s.hashes;
    const bh = b.hashes;
    const ah = a.hashes;
    const n = s.size;
    const t = s.target;
    for (let i = 0; i < n; i++) {
      const h = th[i] as number;
      sink.push(mix(NS_S, h), 1, anchor(PART_SENTENCE, i, 1));
      if (cfg.position && t >= 0 && i !== t) {
        sink.push(mix(i < t ? NS_L : NS_R, h), 1, anchor(PART_SENTENCE, i, 1));
        if (Math.abs(i - t) <= 3) sink.push(mix(NS_NEAR, mix(h, i - t + 8)), 1, anchor(PART_SENTENCE, i, 1));
      }
      if (cfg.bigrams && i + 1 < n) sink.push(mix(NS_SB, mix(h, th[i + 1] as number)), 1, anchor(PART_SENTENCE, i, 2));
    }
    if (cfg.context) {
      this.context(bh, b.size, PART_BEFORE, NS_P, NS_PB);
      this.context(ah, a.size, PART_AFTER, NS_A, NS_AB);
    }
    if (cfg.evidence) this.evidence(s, b, a, th, bh, ah, catHash(sectionKind(input.section)));
    return {
      indices: sink.indices,
      values: sink.values,
      anchors: sink.anchors,
      size: sink.size,
      parts: [s, b, a],
    };
  }

  private context(hs: Int32Array, size: number, part: number, nsWord: number, nsPair: number): void {
    const pairs = this.config.contextPairs !== false;
    let prev = 0;
    for (let i = 0; i < size; i++) {
      const h = hs[i] as number;
      this.sink.push(mix(nsWord, h), 0.5, anchor(part, i, 1));
      if (pairs && i > 0) this.sink.push(mix(nsPair, mix(prev, h)), 0.5, anchor(part, i - 1, 2));
      prev = h;
    }
  }

  private evidence(s: Tokens, b: Tokens, a: Tokens, th: Int32Array, bh: Int32Array, ah: Int32Array, sec: number): void {
    const sink = this.sink;
    const t = s.target;
    const cues = findCues(th, s.size);
    const cuesB = findCues(bh, b.size);
    const cuesA = findCues(ah, a.size);
    const ownS = cues.find((c) => c.category === "own");
    const fpS = ownS ? 1 : 0;
    const fpB = cuesB.some((c) => c.category === "own") ? 1 : 0;
    const fpA = cuesA.some((c) => c.category === "own") ? 1 : 0;
    const fpN = fpB | fpA;
    const fpAnchor = ownS ? anchor(PART_SENTENCE, ownS.start, ownS.length) : -1;
    sink.push(mix(NS_SEC, sec), 1, -1);
    sink.push(mix(NS_FP, fpS * 4 + fpB * 2 + fpA), 1, fpAnchor);
    sink.push(mix(NS_FP_SEC, mix(sec, fpS * 2 + fpN)), 1, fpAnchor);
    const nOthers = Math.min(s.others.length, 3);
    const targetPos = t < 0 ? 3 : Math.min(2, Math.floor((3 * t) / Math.max(1, s.size)));
    sink.push(mix(NS_LAYOUT, nOthers), 1, -1);
    sink.push(mix(NS_LAYOUT, 16 + targetPos), 1, -1);
    sink.push(mix(NS_LAYOUT, 32 + (s.targetInBrackets ? 1 : 0) + (s.coCited ? 2 : 0)), 1, -1);
    let agree = 0;
    let contrast = 0;
    for (const cue of cues) {
      const cat = negatedCategory(cue, cues);
      const ch = catHash(cat);
      const an = anchor(PART_SENTENCE, cue.start, cue.length);
      if (cat === "agree") agree = 1;
      else if (cat === "contrast" || cat === "neg-agree") contrast = 1;
      sink.push(mix(NS_CUE, ch), 1, an);
      let dist = 99;
      let closer = 0;
      if (t >= 0) {
        const end = cue.start + cue.length - 1;
        dist = t < cue.start ? cue.start - t : t > end ? t - end : 0;
        for (const o of s.others) {
          const od = o < cue.start ? cue.start - o : o > end ? o - end : 0;
          if (od < dist) closer = 1;
        }
        sink.push(mix(NS_CUE_D, mix(ch, distanceBucket(dist))), 1, an);
        sink.push(mix(NS_CUE_CLOSE, mix(ch, closer)), 1, an);
      }
      sink.push(mix(NS_CUE_FP, mix(ch, fpS * 2 + fpN)), 1, an);
      sink.push(mix(NS_CUE_SEC, mix(ch, sec)), 1, an);
      sink.push(mix(NS_CUE_FP_SEC, mix(mix(ch, sec), fpS * 2 + fpN)), 1, an);
    }
    for (const [list, part, fp] of [
      [cuesB, PART_BEFORE, fpB],
      [cuesA, PART_AFTER, fpA],
    ] as const) {
      for (const cue of list) {
        const cat = negatedCategory(cue, list);
        sink.push(mix(NS_CUE_CTX, mix(catHash(cat), part * 2 + fp)), 0.5, anchor(part, cue.start, cue.length));
      }
    }
    sink.push(mix(NS_SUM, mix(sec, agree * 8 + contrast * 4 + fpS * 2 + fpN)), 1, -1);
    // Own results (not just "we") in the sentence and its neighbours, with the agreement/contrast seen.
    const resS = cues.some((c) => c.category === "ownresult") ? 1 : 0;
    const resN = cuesB.some((c) => c.category === "ownresult") || cuesA.some((c) => c.category === "ownresult") ? 1 : 0;
    sink.push(mix(NS_OWNRES, mix(sec, agree * 16 + contrast * 8 + resS * 2 + resN)), 1, -1);
    sink.push(mix(NS_OWNRES, agree * 16 + contrast * 8 + resS * 2 + resN), 1, -1);
    // Evidence in a neighbouring sentence that answers a report of the cited work: "X showed Y (<<X>>).
    // Contrary to these findings, we could not observe ..." (the own evidence may sit before or after).
    const reportS = cues.some((c) => c.category === "report" || c.category === "hedge") ? 1 : 0;
    for (const [list, part] of [
      [cuesB, PART_BEFORE],
      [cuesA, PART_AFTER],
    ] as const) {
      let con = 0;
      let agr = 0;
      let own = 0;
      let res = 0;
      let early = 0;
      let an = -1;
      for (const c of list) {
        const cat = negatedCategory(c, list);
        if (cat === "contrast" || cat === "neg-agree") con = 1;
        else if (cat === "agree") agr = 1;
        else if (cat === "own") own = 1;
        else if (cat === "ownresult") res = 1;
        if ((cat === "contrast" || cat === "neg-agree" || cat === "agree") && an < 0) {
          an = anchor(part, c.start, c.length);
          if (c.start <= 2) early = 1;
        }
      }
      if (con + agr === 0) continue;
      const code = part * 64 + reportS * 32 + con * 16 + agr * 8 + own * 4 + res * 2 + early;
      sink.push(mix(NS_NEIGHBOUR, code), 1, an);
      sink.push(mix(NS_NEIGHBOUR_SEC, mix(sec, part * 8 + con * 4 + agr * 2 + (own | res))), 1, an);
    }
    // Pairs of cue categories in the sentence (contrast with negation, agreement with hedging, ...).
    let mask = 0;
    for (const cue of cues) mask |= 1 << CUE_CATEGORIES.indexOf(cue.category);
    for (let x = 0; x < CUE_CATEGORIES.length; x++) {
      if (!(mask & (1 << x))) continue;
      for (let y = x + 1; y < CUE_CATEGORIES.length; y++) {
        if (mask & (1 << y)) sink.push(mix(NS_PAIR, x * 16 + y), 1, -1);
      }
    }
  }
}

/** "agree" preceded closely by a negation ("not consistent with") counts as its own category. */
function negatedCategory(cue: CueMatch, all: readonly CueMatch[]): string {
  const c: CueCategory = cue.category;
  if (c !== "agree") return c;
  for (const other of all) {
    if (other.category === "negation" && other.start < cue.start && cue.start - other.start <= 3) return "neg-agree";
  }
  return c;
}

/** Renders the tokens behind an anchor as a readable phrase ("consistent with", "[cited] showed"). */
export function anchorText(parts: readonly Tokens[], a: number): string | null {
  if (a < 0) return null;
  const part = parts[a >>> 24];
  if (part === undefined) return null;
  return tokenText(part, (a >>> 8) & 0xffff, a & 0xff);
}
