/**
 * The safe XML reader every format shares: saxes, streaming, with the defences in one place.
 * - a DOCTYPE that declares entities is refused (XXE, billion laughs); no DTD or external entity is
 *   ever loaded, and only the five XML entities and character references are expanded;
 * - an unknown named entity (`&nbsp;`) is kept as written, with one warning per file;
 * - nesting deeper than a limit stops the read at once (no recursion anywhere, so no stack overflow);
 * - any other well-formedness error stops the read with its line and column.
 * Clean documents are read by the fast scanner (scan.ts); saxes reads the rest.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { type Diagnostic, diagnostic } from "../../../core/diagnostic.js";
import { scanXml } from "./scan.js";

/** Receives the elements of one document in order. Attributes are plain `name: value` pairs. */
export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  text(text: string): void;
  close(name: string): void;
}

/** Picks the handler for a document from its root element, or null when the format is unknown. */
export type HandlerChooser = (root: string, attrs: Readonly<Record<string, string>>) => XmlHandler | null;

/** The default nesting limit. Real JATS (with MathML) stays well under 100 levels. */
export const DEFAULT_MAX_DEPTH = 512;

/** What a read gives: the handler that took the document (null when none did) and whether it finished. */
export interface ReadResult {
  readonly handler: XmlHandler | null;
  /** True when the whole document was read without a fatal problem. */
  readonly complete: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** Thrown inside handlers to stop saxes at once; never escapes `readXml`. */
class Stop {
  constructor(readonly diagnostic: Diagnostic) {}
}

/** The five predefined XML entities, on an object without a prototype (`&constructor;` is unknown). */
function xmlEntities(): Record<string, string> {
  const e = Object.create(null) as Record<string, string>;
  e.amp = "&";
  e.lt = "<";
  e.gt = ">";
  e.quot = '"';
  e.apos = "'";
  return e;
}

/**
 * Reads one decoded document, feeding a handler chosen by its root element: with the fast scanner
 * when `scanner` is true (the default) and the document is clean, else with saxes. The result is the
 * same either way; `scanner = false` is the reference path for differential tests.
 */
export function readXml(
  file: string,
  text: string,
  choose: HandlerChooser,
  maxDepth: number = DEFAULT_MAX_DEPTH,
  scanner = true,
): ReadResult {
  const start = firstSignificant(text);
  if (start < 0) return fail(file, "empty", "the file is empty (no XML in it)");
  if (text.charCodeAt(start) !== 0x3c) {
    const head = text.slice(start, start + 5);
    const what = head.startsWith("%PDF")
      ? "it is a PDF"
      : head.startsWith("{")
        ? "it looks like JSON"
        : "it does not start with '<'";
    return fail(file, "not-xml", `the file is not XML: ${what}`, lineColumnAt(text, start));
  }

  // The fast scanner reads clean documents; on anything unusual it gives up and saxes reads the
  // document from the start with a fresh handler, so every diagnostic is saxes' own.
  const fast = scanner ? scanXml(text, choose, maxDepth) : null;
  if (fast !== null) return { handler: fast, complete: true, diagnostics: [] };
  return readWithSaxes(file, text, choose, maxDepth);
}

/** Reads one decoded document with saxes (the reference path; `readXml` falls back to it). */
function readWithSaxes(file: string, text: string, choose: HandlerChooser, maxDepth: number): ReadResult {
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.ENTITIES = xmlEntities();
  const diagnostics: Diagnostic[] = [];
  const unknown = new Map<string, number>();
  let firstUnknown: { line: number; column: number } | null = null;
  let handler: XmlHandler | null = null;
  let depth = 0;
  const place = () => ({ line: parser.line, column: parser.column + 1 });

  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new Stop(
        diagnostic(
          file,
          "parse",
          "doctype-entities",
          "the DOCTYPE declares entities; refused (entity declarations are never expanded: XXE and billion-laughs defence)",
          place(),
        ),
      );
    }
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (++depth > maxDepth) {
      throw new Stop(
        diagnostic(file, "parse", "too-deep", `elements nest more than ${maxDepth} levels deep; refused`, place()),
      );
    }
    if (handler === null) {
      handler = choose(tag.name, tag.attributes);
      if (handler === null) {
        throw new Stop(
          diagnostic(
            file,
            "parse",
            "not-an-article",
            `the root element is <${tag.name}>, not a JATS <article> or a TEI <TEI> document`,
            place(),
          ),
        );
      }
    }
    handler.open(tag.name, tag.attributes);
  });
  parser.on("text", (t) => handler?.text(t));
  parser.on("cdata", (t) => handler?.text(t));
  parser.on("closetag", (tag) => {
    depth--;
    handler?.close(tag.name);
  });
  parser.on("error", (err) => {
    const message = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "");
    if (message === "undefined entity.") {
      // saxes keeps the text as written (`&nbsp;`): warn once per file, never expand.
      const at = parser.position;
      const amp = text.lastIndexOf("&", at);
      const name = amp >= 0 && at - amp < 64 ? text.slice(amp, at).replace(/;?$/, ";") : "&?;";
      unknown.set(name, (unknown.get(name) ?? 0) + 1);
      firstUnknown ??= place();
      return;
    }
    throw new Stop(diagnostic(file, "parse", "xml-malformed", `malformed XML: ${message}`, place()));
  });

  let complete = true;
  try {
    parser.write(text).close();
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    diagnostics.push(err.diagnostic);
    complete = false;
  }
  if (unknown.size > 0) {
    const list = [...unknown].map(([name, n]) => (n > 1 ? `${name} (${n} times)` : name)).join(", ");
    diagnostics.push(
      diagnostic(file, "parse", "unknown-entity", `undefined entities kept as written, not expanded: ${list}`, {
        ...((firstUnknown as { line: number; column: number } | null) ?? {}),
        severity: "warning",
      }),
    );
  }
  return { handler, complete, diagnostics };
}

function fail(file: string, code: string, reason: string, at: { line?: number; column?: number } = {}): ReadResult {
  return { handler: null, complete: false, diagnostics: [diagnostic(file, "parse", code, reason, at)] };
}

/** Index of the first character that is not whitespace, or -1. */
function firstSignificant(text: string): number {
  const m = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  if (m !== null) return m.index;
  return text.length > 4096 && /\S/.test(text) ? text.search(/\S/) : -1;
}

function lineColumnAt(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}
