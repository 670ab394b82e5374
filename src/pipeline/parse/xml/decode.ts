/**
 * Bytes to text: gunzip when the bytes are gzip (by magic number, not by name), a size limit on the
 * XML, and strict UTF-8 decoding. Every problem is a diagnostic; nothing here throws on input.
 */
import { gunzipSync } from "node:zlib";
import { type Diagnostic, diagnostic } from "../../../core/diagnostic.js";

/** The default limit on decompressed XML: 64 MiB. */
export const DEFAULT_MAX_XML_BYTES = 64 * 1024 * 1024;

/** What decoding gives: the text, or the diagnostics that explain why there is none. */
export type Decoded =
  | { readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly text: null; readonly diagnostics: readonly Diagnostic[] };

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses (when gzip) and decodes one file's bytes to a string, refusing more than `maxXmlBytes`
 * of XML with bounded memory (zlib stops at the limit).
 */
export function decodeBytes(file: string, bytes: Uint8Array, maxXmlBytes: number): Decoded {
  const notes: Diagnostic[] = [];
  let xml = bytes;
  if (isGzip(bytes)) {
    const out = gunzip(file, bytes, maxXmlBytes);
    if ("error" in out) return { text: null, diagnostics: [out.error] };
    xml = out.bytes;
  } else {
    if (/\.gz$/i.test(file) && bytes.length > 0) {
      notes.push(
        diagnostic(file, "ingest", "not-gzip", "the name ends in .gz but the bytes are not gzip; read as plain XML", {
          severity: "warning",
        }),
      );
    }
    if (bytes.length > maxXmlBytes) {
      return { text: null, diagnostics: [tooLarge(file, `${bytes.length} bytes of XML`, maxXmlBytes)] };
    }
  }
  const decoded = decodeText(file, xml);
  return "error" in decoded
    ? { text: null, diagnostics: [...notes, decoded.error] }
    : { text: decoded.text, diagnostics: notes };
}

function gunzip(file: string, bytes: Uint8Array, max: number): { bytes: Uint8Array } | { error: Diagnostic } {
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: max }) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      return { error: tooLarge(file, "the gzip stream decompresses to", max) };
    }
    return {
      error: diagnostic(file, "ingest", "gzip-corrupt", `the gzip stream is corrupt or truncated (${e.message})`),
    };
  }
}

function tooLarge(file: string, what: string, max: number): Diagnostic {
  const mib = (max / 1024 / 1024).toFixed(max % (1024 * 1024) === 0 ? 0 : 1);
  return diagnostic(
    file,
    "ingest",
    "too-large",
    `${what} more than the limit of ${max} bytes (${mib} MiB) of XML; refused. ` +
      "If the file is genuine, raise the limit with the parse option maxXmlBytes.",
  );
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeText(file: string, bytes: Uint8Array): { text: string } | { error: Diagnostic } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    // A UTF-16 byte order mark: decode as UTF-16 (rare for JATS, but legal XML).
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      return { text: new TextDecoder(label, { fatal: true }).decode(bytes) };
    } catch {
      return { error: diagnostic(file, "parse", "bad-encoding", `the text is not valid ${label.toUpperCase()}`) };
    }
  }
  const declared = declaredEncoding(bytes);
  if (declared !== null && LATIN.has(declared)) {
    // Every byte sequence is valid in these single-byte encodings.
    return { text: new TextDecoder("windows-1252").decode(bytes) };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const place = lineColumnOfByte(bytes, at);
    return {
      error: diagnostic(
        file,
        "parse",
        "bad-encoding",
        `the text is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} at offset ${at})` +
          (declared !== null && declared !== "utf-8" ? `; the XML declaration says ${declared}` : ""),
        place,
      ),
    };
  }
}

const LATIN = new Set(["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii"]);

/** The encoding named in the XML declaration, lower case, or null when there is none. */
function declaredEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return null; // "<?"
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 200)).toString("latin1");
  const end = head.indexOf("?>");
  const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(end < 0 ? head : head.slice(0, end));
  return m?.[1] === undefined ? null : m[1].toLowerCase();
}

/** The offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/** 1-based line and column (in characters, counting valid UTF-8 sequences as one) of a byte offset. */
function lineColumnOfByte(b: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < at; i++) {
    const c = b[i] as number;
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if ((c & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}
