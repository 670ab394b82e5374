/**
 * The parse stage: the raw bytes of one file (.xml, .nxml, or gzip of them) become one `ParsedDocument`
 * (JATS or GROBID TEI, told apart by the root element). Input problems are diagnostics; this never
 * throws on input. See DESIGN.md beside this file.
 */
import type { ParseResult } from "../../core/contracts.js";
import type { Diagnostic } from "../../core/diagnostic.js";
import { JatsHandler } from "./jats/handler.js";
import { TeiHandler } from "./tei/handler.js";
import { DEFAULT_MAX_XML_BYTES, decodeBytes } from "./xml/decode.js";
import { DEFAULT_MAX_DEPTH, readXml } from "./xml/reader.js";

/** Version of the parser's output; stored with every ingested source. Bump when output changes. */
export const PARSER_VERSION = "parse-1";

/** Options of `parseBytes`. */
export interface ParseOptions {
  /** The most decompressed XML accepted, in bytes (default 64 MiB); larger files are refused with a diagnostic. */
  readonly maxXmlBytes?: number;
  /** The deepest element nesting accepted (default 512). */
  readonly maxDepth?: number;
  /**
   * Read clean documents with the fast scanner (default true); false reads every document with saxes
   * alone, the reference path the differential tests compare against. Output is the same either way.
   */
  readonly scanner?: boolean;
}

export { DEFAULT_MAX_XML_BYTES };

/**
 * Parses the raw bytes of one file (.xml, .nxml, or gzip of them: gzip is detected by its magic bytes,
 * not by the name). `file` is only used to name the file in diagnostics.
 *
 * @example
 * const { document, diagnostics } = parseBytes("elife00102.xml.gz", readFileSync(path));
 */
export function parseBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const decoded = decodeBytes(file, bytes, options.maxXmlBytes ?? DEFAULT_MAX_XML_BYTES);
  if (decoded.text === null) return { document: null, diagnostics: decoded.diagnostics };
  return parseText(file, decoded.text, options, decoded.diagnostics);
}

/** Parses already decoded XML text (the same as `parseBytes` after decompression and decoding). */
export function parseText(
  file: string,
  text: string,
  options: ParseOptions = {},
  earlier: readonly Diagnostic[] = [],
): ParseResult {
  let handler: JatsHandler | TeiHandler | null = null;
  // saxes turns CR and CRLF into LF, so a document with no LF or tab has no line break in its text.
  const breaks = text.includes("\n") || text.includes("\t");
  const read = readXml(
    file,
    text,
    (root) => {
      handler = root === "article" ? new JatsHandler(breaks) : root === "TEI" ? new TeiHandler(breaks) : null;
      return handler;
    },
    options.maxDepth ?? DEFAULT_MAX_DEPTH,
    options.scanner !== false,
  );
  const chosen = handler as JatsHandler | TeiHandler | null;
  if (!read.complete || chosen === null) {
    return { document: null, diagnostics: [...earlier, ...read.diagnostics] };
  }
  const { document, diagnostics } = chosen.finish(file);
  return { document, diagnostics: [...earlier, ...read.diagnostics, ...diagnostics] };
}
