/**
 * When a full stop is not a sentence end: abbreviations, initials and species names. The tests
 * read the text left of a candidate boundary (ending in the full stop) and the text right of it.
 */

/** Abbreviations after which a sentence never ends (matched case-insensitively, as whole words). */
const ALWAYS_HOLD = [
  "e.g.",
  "a.k.a.",
  "ver.",
  "i.e.",
  "cf.",
  "vs.",
  "viz.",
  "approx.",
  "fig.",
  "figs.",
  "eq.",
  "eqs.",
  "ref.",
  "refs.",
  "no.",
  "nos.",
  "ca.",
  "pp.",
  "vol.",
  "chap.",
  "sect.",
  "sec.",
  "suppl.",
  "tab.",
  "dr.",
  "mr.",
  "mrs.",
  "prof.",
  "st.",
  "mt.",
  "incl.",
  "dept.",
  "univ.",
];

/**
 * Abbreviations that often end a sentence too ("... reported by Smith et al. These ..."): they hold
 * unless the next word is a common sentence opener.
 */
const HOLD_UNLESS_OPENER = [
  "et al.",
  "i.p.",
  "i.v.",
  "s.c.",
  "i.m.",
  "i.c.v.",
  "p.o.",
  "v.",
  "ex.",
  "p.",
  "pl.",
  "ed.",
  "eds.",
  "est.",
  "ch.",
  "al.",
  "sp.",
  "spp.",
  "var.",
  "subsp.",
  "etc.",
  "resp.",
  "inc.",
  "ltd.",
  "co.",
  "jr.",
];

const ALWAYS_HOLD_SET = new Set(ALWAYS_HOLD);
const HOLD_UNLESS_OPENER_SET = new Set(HOLD_UNLESS_OPENER);

/** Words that start sentences in scientific prose; after "et al." or an initial they mean a real end. */
const OPENERS = new Set(
  (
    "The These This That Those Their There They Then Thus Therefore Hence However Here Our We It Its In " +
    "Importantly Interestingly Moreover Furthermore Finally First Second Third Next Notably Similarly " +
    "Although Since Because While Whereas When Given Together Taken Consistent Indeed Instead Accordingly " +
    "Additionally Alternatively Overall Nevertheless Nonetheless Still Yet Both Each All Most Many Some " +
    "Such Due For To As At On By With Without From Unlike Like Despite Using Previous Recent Recently " +
    "Other Another An A One Two Three Several Further Surprisingly Specifically Collectively Conversely " +
    "Likewise Even If Whether Why How What Which Because Figure Figures Table Tables Equation Equations " +
    "Data Cells Mice Animals Patients Participants Subjects Samples Images Results Values Note Notably Error " +
    "Scale Arrows Arrowheads Bars Panels Experiments"
  ).split(" "),
);

/**
 * True when `left` ends with a capital initial and its full stop after a space or bracket: "J.",
 * "E.", "J.B.", not "2B.", "DNA.", "°C." or the unit "Å.".
 */
function endsWithInitial(left: string): boolean {
  const n = left.length;
  const letter = left.charAt(n - 2);
  if (n < 2 || left.charAt(n - 1) !== "." || letter === "Å" || letter === letter.toLowerCase()) return false;
  if (!/\p{Lu}/u.test(letter)) return false;
  return n === 2 || /[\s(["'“‘.]/u.test(left.charAt(n - 3));
}

function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code >= 97 && code <= 122) return true;
  return code >= 128 && /\p{L}/u.test(c);
}

/** The abbreviation-like token that ends `lower` ("e.g.", "fig.", "al."): letters and dots, or "". */
function lastToken(lower: string): string {
  let i = lower.length;
  while (i > 0) {
    const c = lower.charAt(i - 1);
    if (c === "." || isLetter(c)) i--;
    else break;
  }
  const token = lower.slice(i);
  // A token glued to a digit ("2b.") is no abbreviation.
  return i > 0 && /\p{N}/u.test(lower.charAt(i - 1)) ? "" : token;
}

/** The first word of `right` (letters only), or "". */
function firstWord(right: string): string {
  const m = /^["'“‘([]*(\p{L}+)/u.exec(right);
  return m?.[1] ?? "";
}

/** True when `right` starts with a word that commonly opens a sentence. */
export function startsWithOpener(right: string): boolean {
  return OPENERS.has(firstWord(right));
}

/**
 * True when the full stop that ends `left` is not a sentence end, given the text `right` that follows
 * the boundary (whitespace already skipped).
 */
export function holdsAfter(left: string, right: string): boolean {
  if (!left.endsWith(".")) return false;
  const lower = left.toLowerCase();
  if (lower.endsWith("et al.")) {
    const before = lower.length === 6 ? " " : lower.charAt(lower.length - 7);
    if (!/[\p{L}\p{N}]/u.test(before)) return !startsWithOpener(right);
  }
  const word = lastToken(lower);
  if (ALWAYS_HOLD_SET.has(word)) return true;
  if (HOLD_UNLESS_OPENER_SET.has(word)) return !startsWithOpener(right);
  // An initial ("J. Smith", "E. coli", "K. L. Jones"): hold unless a sentence opener follows
  // ("... vitamin C. The ...").
  if (endsWithInitial(left)) return !startsWithOpener(right);
  return false;
}

/** True when a segment starting with `right` cannot start a sentence (lower case, closing punctuation). */
export function cannotStartSentence(right: string): boolean {
  const c = right.charAt(0);
  if (c === "") return true;
  if (/[,;:)\]}»”’%]/u.test(c)) return true;
  // "mRNA", "siRNA", "p53", "iPSCs" start sentences in lower case; other lower-case words do not.
  if (/\p{Ll}/u.test(c)) return !/^\p{Ll}[\p{Lu}\p{N}]/u.test(right);
  return false;
}

/** True when `right` looks like the start of a sentence: a capital, a digit-led gene name, or an opening bracket or quote before a capital. */
export function looksLikeSentenceStart(right: string): boolean {
  return /^["'“‘([]?[\p{Lu}]/u.test(right) || /^\p{Ll}[\p{Lu}\p{N}]/u.test(right);
}

/** How far a short parenthesis may reach on either side of a boundary. */
const SHORT_PAREN = 40;

/**
 * True when position `c` lies inside a short parenthesis, "(ver. 1.2)", "(a.k.a. CReP)": an unclosed
 * "(" shortly before and its ")" shortly after. No sentence ends there.
 */
export function insideShortParenthesis(text: string, c: number): boolean {
  let depth = 0;
  let open = -1;
  for (let i = c - 1; i >= Math.max(0, c - SHORT_PAREN); i--) {
    const ch = text.charAt(i);
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return false;
  for (let i = c; i < Math.min(text.length, c + SHORT_PAREN); i++) {
    const ch = text.charAt(i);
    if (ch === ")") return true;
    if (ch === "(") return false;
  }
  return false;
}
