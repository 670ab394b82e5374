/**
 * Turns the text of a statement into tokens: lower-case words, numbers as `0`, the target citation
 * as {@link TARGET} and every other citation as {@link OTHER_CITATION}.
 */

/** The token standing for the target citation (the `<<...>>` mark). */
export const TARGET = "<T>";
/** The token standing for any other citation in the text. */
export const OTHER_CITATION = "<C>";

const TARGET_CHAR = "\u0001";
const OTHER_CHAR = "\u0002";
const MARK = /<<([\s\S]*?)>>/g;
const GROUP = /\(([^()]*)\)|\[([^[\]]*)\]/g;
const YEAR = /(?:^|[^0-9])(?:1[89]|20)[0-9]{2}[a-z]?(?![0-9])/;
const NUMERIC_REF = /^\s*[0-9]{1,3}(?:\s*[,\u2013\u2014-]\s*[0-9]{1,3})*\s*$/;
/** A narrative author-year citation outside brackets: "Smith et al., 2010" or "Smith and Jones 2009". */
const NARRATIVE =
  /\b[A-Z][A-Za-z\u00c0-\u024f'-]+(?: et al\.?| and [A-Z][A-Za-z\u00c0-\u024f'-]+)?,? (?:1[89]|20)[0-9]{2}[a-z]?\b/g;

/** A tokenized sentence with where its target and other citations stand. */
export interface Tokens {
  readonly tokens: string[];
  /** Index of the first target token, or -1. */
  readonly target: number;
  /** Indices of the other-citation tokens. */
  readonly others: number[];
  /** Whether the target stood inside brackets (a parenthetical citation) rather than in the running text. */
  readonly targetInBrackets: boolean;
  /** Whether the bracket group of the target also cited other works. */
  readonly coCited: boolean;
}

/** Replaces the target mark and other citations by their placeholder characters. */
function markCitations(text: string): { text: string; inBrackets: boolean; coCited: boolean } {
  let inBrackets = false;
  let coCited = false;
  let t = text.replace(MARK, TARGET_CHAR);
  t = t.replace(GROUP, (whole: string, paren: string | undefined, bracket: string | undefined) => {
    const inner = paren ?? bracket ?? "";
    if (inner.includes(TARGET_CHAR)) {
      inBrackets = true;
      const rest = inner.replace(TARGET_CHAR, "");
      if (YEAR.test(rest) || /[0-9]/.test(rest)) coCited = true;
      return ` ${TARGET_CHAR} `;
    }
    if (YEAR.test(inner) || (bracket !== undefined && NUMERIC_REF.test(inner))) return ` ${OTHER_CHAR} `;
    return whole;
  });
  if (t.indexOf("et al") >= 0 || YEAR.test(t)) t = t.replace(NARRATIVE, ` ${OTHER_CHAR} `);
  return { text: t, inBrackets, coCited };
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
}

/** Splits lower-cased text into word, number and placeholder tokens. "didn't" gives "did", "not". */
export function tokenize(text: string): Tokens {
  const marked = markCitations(text);
  const s = marked.text.toLowerCase();
  const tokens: string[] = [];
  const others: number[] = [];
  let target = -1;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 1) {
      if (target < 0) target = tokens.length;
      tokens.push(TARGET);
      i++;
    } else if (c === 2) {
      others.push(tokens.length);
      tokens.push(OTHER_CITATION);
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if ((d >= 48 && d <= 57) || ((d === 46 || d === 44) && j + 1 < n && isDigit(s.charCodeAt(j + 1)))) j++;
        else break;
      }
      tokens.push("0");
      i = j;
    } else if (isWordChar(c) && c !== 39) {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (isWordChar(d) || (d >= 48 && d <= 57) || (d === 45 && j + 1 < n && isWordChar(s.charCodeAt(j + 1)))) j++;
        else break;
      }
      let word = s.slice(i, j);
      if (word.endsWith("n't")) {
        word = word === "can't" ? "can" : word === "won't" ? "will" : word.slice(0, -3);
        tokens.push(word, "not");
      } else {
        if (word.endsWith("'s")) word = word.slice(0, -2);
        else if (word.endsWith("'")) word = word.slice(0, -1);
        tokens.push(word);
      }
      i = j;
    } else {
      i++;
    }
  }
  return { tokens, target, others, targetInBrackets: marked.inBrackets, coCited: marked.coCited };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
