/**
 * Branded identifiers. Each brand is made only by its normalizer here, so stage code
 * never needs a cast and never handles an un-normalized DOI.
 */
import { createHash } from "node:crypto";

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A normalized DOI: lower case, no resolver prefix, no trailing punctuation, e.g. `10.7554/elife.00102`. */
export type Doi = Brand<string, "Doi">;
/** A stable work identifier: `w` followed by 16 hex digits. */
export type WorkId = Brand<string, "WorkId">;
/** A stable statement identifier. */
export type StatementId = Brand<string, "StatementId">;

const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;
const PREFIXES = [
  /^https?:\/\/(?:dx\.)?doi\.org\//i,
  /^https?:\/\/(?:www\.)?doi\.org\//i,
  /^info:doi\//i,
  /^doi\s*:\s*/i,
  /^doi\s+/i,
];

/**
 * Normalizes a DOI written any common way (resolver URL, `doi:` prefix, URL encoding, any case,
 * trailing punctuation) to its canonical lower-case form, or returns null when it is not a DOI.
 *
 * @example normalizeDoi("https://doi.org/10.7554/eLife.00102.") // "10.7554/elife.00102"
 */
export function normalizeDoi(input: string | null | undefined): Doi | null {
  if (input == null) return null;
  let s = input.trim();
  if (s.includes("%")) {
    try {
      s = decodeURIComponent(s);
    } catch {
      // A stray "%" that is not an escape: keep the text as written.
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of PREFIXES) {
      const next = s.replace(prefix, "");
      if (next !== s) {
        s = next.trim();
        changed = true;
      }
    }
  }
  s = stripTrailing(s).toLowerCase();
  return DOI_SHAPE.test(s) ? (s as Doi) : null;
}

/** Removes trailing punctuation, keeping a closing bracket that balances an opening one (`...(83)90134-9`). */
function stripTrailing(s: string): string {
  let out = s;
  for (;;) {
    const last = out.at(-1);
    if (last === undefined) return out;
    if (".,;:'\"".includes(last)) {
      out = out.slice(0, -1);
      continue;
    }
    const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{", ">": "<" };
    const open = pairs[last];
    if (open !== undefined && count(out, open) < count(out, last)) {
      out = out.slice(0, -1);
      continue;
    }
    return out;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function hash16(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The work id of a work known by its DOI. The same DOI always gives the same id. */
export function workIdFromDoi(doi: Doi): WorkId {
  return `w${hash16(`doi:${doi}`)}` as WorkId;
}

/**
 * The work id of a work known only by metadata, from a key the resolver builds (normalized title,
 * first-author surname, year). The same key always gives the same id.
 */
export function workIdFromKey(key: string): WorkId {
  return `w${hash16(`key:${key}`)}` as WorkId;
}

/** Parses a string that should be a work id (e.g. from a URL); null when it is not one. */
export function parseWorkId(input: string): WorkId | null {
  return /^w[0-9a-f]{16}$/.test(input) ? (input as WorkId) : null;
}

/** The id of a statement: stable for the same citing work, reference and sentence position. */
export function statementId(citingWorkId: WorkId, refId: string, paragraph: number, start: number): StatementId {
  return `s${hash16(`${citingWorkId}|${refId}|${paragraph}|${start}`)}` as StatementId;
}
