/** Self-citation: the citing and the cited work share an author. */
import type { Person } from "../../core/document.js";
import { personKey, surnameKey } from "./normalize.js";

/** The authors of a citing work, prepared for many `isSelfCitation` checks. */
export interface AuthorSet {
  readonly keys: ReadonlySet<string>;
  readonly orcids: ReadonlySet<string>;
}

/** Prepares the citing work's authors (normalized surname and first initial, and ORCIDs). */
export function authorSet(authors: readonly Person[]): AuthorSet {
  const keys = new Set<string>();
  const orcids = new Set<string>();
  for (const a of authors) {
    if (surnameKey(a.surname) !== "") keys.add(personKey(a));
    if (a.orcid) orcids.add(a.orcid.toUpperCase());
  }
  return { keys, orcids };
}

/**
 * True when one of the cited authors is a citing author: the same ORCID, or the same normalized surname
 * and first initial. A cited author printed without given names matches on the surname alone only if the
 * citing side has exactly one author with that surname.
 */
export function isSelfCitation(citing: AuthorSet, cited: readonly Person[]): boolean {
  for (const a of cited) {
    if (a.orcid && citing.orcids.has(a.orcid.toUpperCase())) return true;
    const surname = surnameKey(a.surname);
    if (surname === "") continue;
    const key = personKey(a);
    if (!key.endsWith("|")) {
      if (citing.keys.has(key)) return true;
      continue;
    }
    let same = 0;
    for (const k of citing.keys) if (k.startsWith(`${surname}|`)) same++;
    if (same === 1) return true;
  }
  return false;
}
