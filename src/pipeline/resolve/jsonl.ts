/** `resolve --jsonl`: one reference per line in, one resolution per line out. */
import type { Person, ReferenceEntry } from "../../core/document.js";
import { normalizeDoi } from "../../core/ids.js";

/** The fields a `resolve --jsonl` input line may have. */
export interface JsonlReference {
  readonly id: string;
  readonly doi?: string;
  readonly title?: string;
  /** "Surname, Given", "Given Surname", or `{surname, given?, orcid?}`. */
  readonly authors?: readonly (string | { surname: string; given?: string | null; orcid?: string | null })[];
  readonly year?: number | string;
  readonly journal?: string;
  readonly raw?: string;
}

/** Parses one input line into a reference entry, or says why it cannot. */
export function parseJsonlReference(line: string): { ref: ReferenceEntry } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "not a JSON object" };
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" && typeof v.id !== "number") return { error: 'missing "id" (a string)' };
  const str = (k: string): string | null => (typeof v[k] === "string" && v[k] !== "" ? (v[k] as string) : null);
  const authors: Person[] = [];
  if (v.authors !== undefined) {
    if (!Array.isArray(v.authors)) return { error: '"authors" must be an array' };
    for (const a of v.authors) {
      const p = toPerson(a);
      if (p === null) return { error: `cannot read the author ${JSON.stringify(a)}` };
      authors.push(p);
    }
  }
  const yearText = typeof v.year === "number" ? String(v.year) : str("year");
  const year = yearText !== null && /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : null;
  const title = str("title");
  const raw =
    str("raw") ??
    [authors.map((a) => a.surname).join(", "), yearText, title, str("journal")].filter(Boolean).join(". ");
  return {
    ref: {
      id: String(v.id),
      raw,
      doi: normalizeDoi(str("doi")),
      pmid: null,
      title,
      authors,
      year,
      source: str("journal"),
      volume: null,
      pages: null,
      publicationType: null,
    },
  };
}

function toPerson(a: unknown): Person | null {
  if (typeof a === "string") {
    const s = a.trim();
    if (s === "") return null;
    const comma = s.indexOf(",");
    if (comma > 0) return { surname: s.slice(0, comma).trim(), given: s.slice(comma + 1).trim() || null, orcid: null };
    const parts = s.split(/\s+/);
    const surname = parts.pop() ?? s;
    return { surname, given: parts.join(" ") || null, orcid: null };
  }
  if (typeof a === "object" && a !== null && typeof (a as { surname?: unknown }).surname === "string") {
    const o = a as { surname: string; given?: unknown; orcid?: unknown };
    return {
      surname: o.surname,
      given: typeof o.given === "string" ? o.given : null,
      orcid: typeof o.orcid === "string" ? o.orcid : null,
    };
  }
  return null;
}
