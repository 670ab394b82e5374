/**
 * Translates what a user types into a safe FTS5 MATCH expression. User text never reaches MATCH as
 * is: every word and phrase is re-emitted as a double-quoted FTS5 string, and only the operators this
 * parser recognizes are emitted as operators, so no input can be an FTS5 syntax error.
 *
 * Syntax: words (all required), `"exact phrases"`, `AND`, `OR`, `NOT` (upper case; lower-case "not"
 * and "or" are words, so `did not replicate` finds the words), `-word` (exclude), `word*` (prefix),
 * parentheses. Unbalanced quotes and parentheses are closed at the end; stray operators are ignored.
 */

/** A compiled query: what must match and what must not (a top-level exclusion with nothing required). */
export interface FtsQuery {
  /** An FTS5 MATCH expression, or null when the query requires nothing. */
  readonly match: string | null;
  /** An FTS5 MATCH expression of statements to leave out, or null. */
  readonly exclude: string | null;
}

type Token =
  | { kind: "word"; text: string; prefix: boolean }
  | { kind: "phrase"; text: string }
  | { kind: "and" | "or" | "not" | "open" | "close" };

/** A parsed query: words and phrases under AND (with exclusions) and OR. */
export type QueryNode =
  | { kind: "text"; fts: string; raw: string; prefix: boolean }
  | { kind: "and"; positive: QueryNode[]; negative: QueryNode[] }
  | { kind: "or"; items: QueryNode[] };

type Node = QueryNode;

/**
 * Compiles a user query.
 *
 * @example compileQuery('"did not replicate" OR failed -mice') // { match: '("did not replicate" OR "failed") NOT "mice"', ... }
 */
export function compileQuery(input: string): FtsQuery {
  const root = parseQuery(input);
  if (root === null) return { match: null, exclude: null };
  if (root.kind === "and" && root.positive.length === 0) {
    return { match: null, exclude: renderOr(root.negative) };
  }
  return { match: render(root), exclude: null };
}

/** Parses a query into its tree (null when it holds no word or phrase). */
export function parseQuery(input: string): QueryNode | null {
  return new Parser(tokenize(input)).parseAll();
}

/** The words of a query, each quoted and all required: the fallback when a compiled query fails anyway. */
export function quoteTerms(input: string): string | null {
  const words = input.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  return words.length === 0 ? null : words.map(quote).join(" AND ");
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "\u201c" || ch === "\u201d") {
      let j = i + 1;
      while (j < input.length && !'"\u201c\u201d'.includes(input[j] as string)) j++;
      tokens.push({ kind: "phrase", text: input.slice(i + 1, j) });
      i = j + 1;
    } else if (ch === "(") {
      tokens.push({ kind: "open" });
      i++;
    } else if (ch === ")") {
      tokens.push({ kind: "close" });
      i++;
    } else if (ch === "-" && i + 1 < input.length && !/[\s-]/.test(input[i + 1] as string)) {
      tokens.push({ kind: "not" });
      i++;
    } else {
      let j = i;
      while (j < input.length && !/[\s"()\u201c\u201d]/.test(input[j] as string)) j++;
      const word = input.slice(i, j);
      i = j;
      if (word === "AND" || word === "&&") tokens.push({ kind: "and" });
      else if (word === "OR" || word === "||") tokens.push({ kind: "or" });
      else if (word === "NOT") tokens.push({ kind: "not" });
      else if (word.endsWith("*")) tokens.push({ kind: "word", text: word.replace(/\*+$/, ""), prefix: true });
      else tokens.push({ kind: "word", text: word, prefix: false });
    }
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The whole input; a stray `)` is skipped and what follows joins the query with AND. */
  parseAll(): Node | null {
    const parts: Node[] = [];
    while (this.i < this.tokens.length) {
      const node = this.parseOr();
      if (node !== null) parts.push(node);
      if (this.peek()?.kind === "close") this.i++;
    }
    return and(parts, []);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private parseOr(): Node | null {
    const items: Node[] = [];
    for (;;) {
      const node = this.parseAnd();
      if (node !== null) items.push(node);
      if (this.peek()?.kind !== "or") break;
      this.i++;
    }
    if (items.length <= 1) return items[0] ?? null;
    // An OR operand that only excludes cannot be expressed in FTS5: it is dropped.
    const usable = items.filter((n) => !isExclusion(n));
    return usable.length === 0 ? null : usable.length === 1 ? (usable[0] as Node) : { kind: "or", items: usable };
  }

  private parseAnd(): Node | null {
    const positive: Node[] = [];
    const negative: Node[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.kind === "close" || t.kind === "or") break;
      if (t.kind === "and") {
        this.i++;
        continue;
      }
      if (t.kind === "not") {
        this.i++;
        const node = this.parseAtom();
        if (node !== null) negative.push(node);
        continue;
      }
      const node = this.parseAtom();
      if (node !== null) positive.push(node);
    }
    return and(positive, negative);
  }

  private parseAtom(): Node | null {
    const t = this.peek();
    if (t === undefined) return null;
    this.i++;
    switch (t.kind) {
      case "open": {
        const node = this.parseOr();
        if (this.peek()?.kind === "close") this.i++;
        return node;
      }
      case "word":
        return text(t.text, t.prefix);
      case "phrase":
        return text(t.text, false);
      default:
        // A doubled operator ("NOT NOT", "AND OR"): the stray one is ignored.
        return null;
    }
  }
}

function and(positiveIn: Node[], negativeIn: Node[]): Node | null {
  const positive: Node[] = [];
  const negative: Node[] = [];
  // `a (NOT b)` is `a NOT b`; `NOT (NOT b)` is `b`.
  for (const n of positiveIn) {
    if (isExclusion(n)) negative.push(...n.negative);
    else positive.push(n);
  }
  for (const n of negativeIn) {
    if (isExclusion(n)) positive.push(...n.negative);
    else negative.push(n);
  }
  if (positive.length === 0 && negative.length === 0) return null;
  if (positive.length === 1 && negative.length === 0) return positive[0] as Node;
  return { kind: "and", positive, negative };
}

/** A word or phrase as a quoted FTS5 string; null when it holds no letter or digit (nothing to match). */
function text(raw: string, prefix: boolean): Node | null {
  if (!/[\p{L}\p{N}]/u.test(raw)) return null;
  return { kind: "text", fts: prefix ? `${quote(raw)} *` : quote(raw), raw, prefix };
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function render(node: Node): string {
  switch (node.kind) {
    case "text":
      return node.fts;
    case "or":
      return renderOr(node.items);
    case "and": {
      const pos = node.positive.map(group);
      const core = pos.length === 1 ? (pos[0] as string) : `(${pos.join(" AND ")})`;
      return node.negative.length === 0 ? core : `${core} NOT ${renderOr(node.negative)}`;
    }
  }
}

function renderOr(items: Node[]): string {
  return items.length === 1 ? group(items[0] as Node) : `(${items.map(group).join(" OR ")})`;
}

/** A node rendered so it can stand as one operand. */
function group(node: Node): string {
  if (node.kind === "text") return node.fts;
  // An OR, and an AND without exclusions, render already parenthesized.
  const bare = node.kind === "or" || (node.negative.length === 0 && node.positive.length > 1);
  return bare ? render(node) : `(${render(node)})`;
}

/** An AND that only excludes: FTS5 cannot express it below the top level. */
function isExclusion(node: Node): node is { kind: "and"; positive: Node[]; negative: Node[] } {
  return node.kind === "and" && node.positive.length === 0;
}
