/**
 * The fast path of the XML reader: an `indexOf`-driven scanner for well-formed documents that feeds
 * the same `XmlHandler` events (open/text/close) as saxes, in the same order and chunking, with the
 * same text (line ends normalized, the five XML entities and character references expanded, attribute
 * whitespace normalized). It checks well-formedness itself (tag balance and names, attribute syntax,
 * duplicate attributes, entity and character-reference validity, `]]>` in text, XML characters,
 * nothing but whitespace, comments and processing instructions outside the root) and it gives up
 * (returns null) on ANYTHING it does not fully check or that would need a diagnostic: a DOCTYPE with
 * an internal subset, an unknown entity, a non-ASCII name, a mismatched or unclosed tag, nesting past
 * the limit, a root no handler takes, an XML declaration other than plain 1.0. The caller then runs
 * saxes from the start, so every diagnostic stays exactly as saxes gives it. It never expands any
 * other entity and never loads anything.
 */
import type { HandlerChooser, XmlHandler } from "./reader.js";

/** 1 for an ASCII name start character (letters, `_`, `:`), 2 for the other ASCII name characters. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const AMP = 0x26;
const DQ = 0x22;
const SQ = 0x27;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Characters XML 1.0 forbids (surrogates are checked in pairs by `validChars`). */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/** True when every character is an XML 1.0 character (surrogates only as proper pairs). */
export function validChars(text: string): boolean {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m !== null; m = SUSPECT.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) return false;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    SUSPECT.lastIndex = i + 2;
  }
  return true;
}

const XML_DECL =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/y;

const DOCTYPE =
  /<!DOCTYPE[ \t\n]+[A-Za-z_:][A-Za-z0-9._:-]*(?:[ \t\n]+(?:PUBLIC[ \t\n]+(?:"[^"]*"|'[^']*')[ \t\n]+(?:"[^"]*"|'[^']*')|SYSTEM[ \t\n]+(?:"[^"]*"|'[^']*')))?[ \t\n]*>/y;

/** The attributes of every element that has none: one frozen object without a prototype, as saxes' are. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** Slots in the name cache (a power of two). */
const NAMES = 1024;

/** Names seen so far, by a hash of their characters (see `Scanner.nameAt`); shared by all documents. */
const NAME_CACHE: (string | undefined)[] = new Array<string | undefined>(NAMES).fill(undefined);

/** Thrown to give up; caught in `scanXml` only. */
const GIVE_UP = new Error("fast XML scan gave up");

/**
 * Reads a whole decoded document, feeding the handler `choose` picks for its root element. Returns
 * that handler when the document was read completely and cleanly, or null when the scanner gave up
 * (the caller must then read the document again with saxes and a fresh handler).
 */
export function scanXml(source: string, choose: HandlerChooser, maxDepth: number): XmlHandler | null {
  if (!validChars(source)) return null;
  const text = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  try {
    return new Scanner(text, choose, maxDepth).run();
  } catch (err) {
    if (err === GIVE_UP) return null;
    throw err;
  }
}

class Scanner {
  private handler: XmlHandler | null = null;
  private readonly stack: string[] = [];
  /** The hash of the name `nameEnd` read last (see `nameAt`). */
  private hash = 0;
  /** The next `&` at or after the scan position's text run (text.length when none). */
  private amp = -1;
  /** The next `]]>` (text.length when none). */
  private forbidden = -1;

  constructor(
    private readonly text: string,
    private readonly choose: HandlerChooser,
    private readonly maxDepth: number,
  ) {}

  run(): XmlHandler {
    const text = this.text;
    const n = text.length;
    let p = 0;
    if (text.startsWith("<?xml")) {
      XML_DECL.lastIndex = 0;
      if (!XML_DECL.test(text)) throw GIVE_UP;
      p = XML_DECL.lastIndex;
    }
    // Prolog: whitespace, comments, processing instructions, at most one DOCTYPE without a subset.
    let doctype = false;
    for (;;) {
      const lt = text.indexOf("<", p);
      if (lt < 0 || !blank(text, p, lt)) throw GIVE_UP;
      const c = text.charCodeAt(lt + 1);
      if (c === BANG) {
        if (text.startsWith("<!--", lt)) p = this.comment(lt);
        else if (!doctype && text.startsWith("<!DOCTYPE", lt)) {
          DOCTYPE.lastIndex = lt;
          if (!DOCTYPE.test(text)) throw GIVE_UP;
          // A `<` in a quoted identifier could spell `<!ENTITY`, which the reader refuses: leave it to saxes.
          if (text.slice(lt + 1, DOCTYPE.lastIndex).includes("<")) throw GIVE_UP;
          doctype = true;
          p = DOCTYPE.lastIndex;
        } else throw GIVE_UP;
      } else if (c === QUESTION) p = this.pi(lt);
      else {
        p = lt;
        break;
      }
    }
    // The root element and everything inside it.
    const stack = this.stack;
    for (;;) {
      // Markup often follows markup at once (`</a><b>`): no search then.
      const lt = text.charCodeAt(p) === LT ? p : text.indexOf("<", p);
      if (lt < 0) throw GIVE_UP; // unclosed elements
      if (lt > p) this.textRun(p, lt);
      const c = text.charCodeAt(lt + 1);
      if (c === SLASH) {
        p = this.closeTag(lt);
        if (stack.length === 0) break;
      } else if (c === BANG) {
        if (stack.length === 0) throw GIVE_UP;
        if (text.startsWith("<!--", lt)) p = this.comment(lt);
        else if (text.startsWith("<![CDATA[", lt)) {
          const end = text.indexOf("]]>", lt + 9);
          if (end < 0) throw GIVE_UP;
          (this.handler as XmlHandler).text(text.slice(lt + 9, end));
          p = end + 3;
        } else throw GIVE_UP;
      } else if (c === QUESTION) {
        if (stack.length === 0) throw GIVE_UP;
        p = this.pi(lt);
      } else {
        if (stack.length === 0 && this.handler !== null) throw GIVE_UP; // a second root
        p = this.openTag(lt);
        if (stack.length === 0) break; // a self-closed root
      }
    }
    // Epilog: whitespace (given to the handler, as saxes does), comments, processing instructions.
    const handler = this.handler as XmlHandler;
    for (;;) {
      const lt = text.indexOf("<", p);
      const end = lt < 0 ? n : lt;
      if (!blank(text, p, end)) throw GIVE_UP;
      if (end > p) handler.text(text.slice(p, end));
      if (lt < 0) break;
      const c = text.charCodeAt(lt + 1);
      if (c === BANG && text.startsWith("<!--", lt)) p = this.comment(lt);
      else if (c === QUESTION) p = this.pi(lt);
      else throw GIVE_UP;
    }
    return handler;
  }

  /** A comment starting at `lt`; returns the position after it. `--` may only end it. */
  private comment(lt: number): number {
    const dd = this.text.indexOf("--", lt + 4);
    if (dd < 0 || this.text.charCodeAt(dd + 2) !== GT) throw GIVE_UP;
    return dd + 3;
  }

  /** A processing instruction (not an XML declaration) starting at `lt`; returns the position after it. */
  private pi(lt: number): number {
    const text = this.text;
    let i = lt + 2;
    const c0 = text.charCodeAt(i);
    if (!(c0 < 128 && NAME[c0] === 1)) throw GIVE_UP;
    i++;
    for (let c = text.charCodeAt(i); c < 128 && NAME[c] !== 0; c = text.charCodeAt(++i));
    if (i - (lt + 2) === 3 && text.slice(lt + 2, i).toLowerCase() === "xml") throw GIVE_UP;
    const c = text.charCodeAt(i);
    if (!(c === QUESTION || isSpace(c))) throw GIVE_UP;
    const end = text.indexOf("?>", i);
    if (end < 0) throw GIVE_UP;
    return end + 2;
  }

  /** Reads an ASCII name at `i`; returns its end (gives up on an empty or non-ASCII name). */
  private nameEnd(i: number): number {
    const text = this.text;
    const c0 = text.charCodeAt(i);
    if (!(c0 < 128 && NAME[c0] === 1)) throw GIVE_UP;
    let j = i + 1;
    let h = c0;
    for (let c = text.charCodeAt(j); c < 128 && NAME[c] !== 0; c = text.charCodeAt(++j)) h = (Math.imul(h, 31) + c) | 0;
    const c = text.charCodeAt(j);
    if (c >= 128) throw GIVE_UP; // a non-ASCII name character: leave it to saxes
    this.hash = h;
    return j;
  }

  /**
   * The name text[i, end) as a string, from a small cache when it was seen before: element and attribute
   * names repeat, and a cached string is neither allocated again nor hashed again by the handlers' maps.
   */
  private nameAt(i: number, end: number): string {
    const text = this.text;
    const slot = this.hash & (NAMES - 1);
    const cached = NAME_CACHE[slot];
    if (cached !== undefined && cached.length === end - i && sameAt(text, i, cached)) return cached;
    // A fresh flat one-byte copy (names are ASCII): a slice could keep the whole document alive in the cache.
    const name = Buffer.from(text.slice(i, end), "latin1").toString("latin1");
    NAME_CACHE[slot] = name;
    return name;
  }

  private openTag(lt: number): number {
    const text = this.text;
    const nameEnd = this.nameEnd(lt + 1);
    const name = this.nameAt(lt + 1, nameEnd);
    let attrs = NO_ATTRIBUTES;
    let i = nameEnd;
    let c = text.charCodeAt(i);
    let selfClosing = false;
    for (;;) {
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (text.charCodeAt(i + 1) !== GT) throw GIVE_UP;
        selfClosing = true;
        i += 2;
        break;
      }
      // Whitespace is required before an attribute, and allowed before `>` and `/>`.
      if (!isSpace(c)) throw GIVE_UP;
      do c = text.charCodeAt(++i);
      while (isSpace(c));
      if (c === GT || c === SLASH) continue;
      const an = this.nameEnd(i);
      const attrName = this.nameAt(i, an);
      i = an;
      c = text.charCodeAt(i);
      while (isSpace(c)) c = text.charCodeAt(++i);
      if (c !== EQ) throw GIVE_UP;
      c = text.charCodeAt(++i);
      while (isSpace(c)) c = text.charCodeAt(++i);
      if (c !== DQ && c !== SQ) throw GIVE_UP;
      // One pass to the closing quote, noting what needs work (values are short: cheaper than several scans).
      let close = i + 1;
      let seen = 0;
      for (let v = text.charCodeAt(close); v !== c; v = text.charCodeAt(++close)) {
        if (v === LT || v !== v) throw GIVE_UP; // `<` in a value, or the end of the text (NaN)
        if (v === AMP) seen |= 1;
        else if (v === 0x0a || v === 0x09) seen |= 2;
      }
      let value = text.slice(i + 1, close);
      if (seen & 2) value = value.replace(/[\n\t]/g, " ");
      if (seen & 1) value = expand(value);
      if (attrs === NO_ATTRIBUTES) attrs = Object.create(null) as Record<string, string>;
      else if (attrs[attrName] !== undefined) throw GIVE_UP; // a duplicate attribute
      attrs[attrName] = value;
      i = close + 1;
      c = text.charCodeAt(i);
    }
    const stack = this.stack;
    if (stack.length >= this.maxDepth) throw GIVE_UP;
    if (this.handler === null) {
      this.handler = this.choose(name, attrs);
      if (this.handler === null) throw GIVE_UP;
    }
    this.handler.open(name, attrs);
    if (selfClosing) this.handler.close(name);
    else stack.push(name);
    return i;
  }

  private closeTag(lt: number): number {
    const text = this.text;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    // The open element's name must follow, then only whitespace and `>` (so `</pX>` never matches `p`).
    if (top === undefined || !sameAt(text, lt + 2, top)) throw GIVE_UP;
    let i = lt + 2 + top.length;
    let c = text.charCodeAt(i);
    while (isSpace(c)) c = text.charCodeAt(++i);
    if (c !== GT) throw GIVE_UP;
    stack.pop();
    (this.handler as XmlHandler).close(top);
    return i + 1;
  }

  /** Text between two pieces of markup, inside the root: checked for `]]>`, entities expanded. */
  private textRun(from: number, to: number): void {
    const text = this.text;
    if (this.forbidden < from) {
      const f = text.indexOf("]]>", from);
      this.forbidden = f < 0 ? text.length : f;
    }
    if (this.forbidden < to) throw GIVE_UP;
    if (this.amp < from) {
      const a = text.indexOf("&", from);
      this.amp = a < 0 ? text.length : a;
    }
    const raw = text.slice(from, to);
    (this.handler as XmlHandler).text(this.amp < to ? expand(raw) : raw);
  }
}

/** True when `text` holds `s` at `i` (a plain loop: faster than `startsWith` for short names). */
function sameAt(text: string, i: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (text.charCodeAt(i + k) !== s.charCodeAt(k)) return false;
  return true;
}

/** True when text[from, to) is only XML whitespace. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Expands the five XML entities and character references; gives up on anything else. */
function expand(raw: string): string {
  let out = "";
  let p = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", p)) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0) throw GIVE_UP;
    out += raw.slice(p, amp) + entity(raw.slice(amp + 1, semi));
    p = semi + 1;
  }
  return out + raw.slice(p);
}

function entity(name: string): string {
  switch (name) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  let num = Number.NaN;
  if (/^#x[0-9a-fA-F]{1,6}$/.test(name)) num = Number.parseInt(name.slice(2), 16);
  else if (/^#[0-9]{1,7}$/.test(name)) num = Number.parseInt(name.slice(1), 10);
  if (
    num === 0x9 ||
    num === 0xa ||
    num === 0xd ||
    (num >= 0x20 && num <= 0xd7ff) ||
    (num >= 0xe000 && num <= 0xfffd) ||
    (num >= 0x10000 && num <= 0x10ffff)
  ) {
    return String.fromCodePoint(num);
  }
  throw GIVE_UP;
}
