/**
 * Component DOIs: some publishers give parts of an article (figures, tables, supplements, the digest)
 * their own DOIs, and references sometimes cite the part's DOI. The cited work is the article.
 */
import type { Doi } from "../../core/ids.js";

const PATTERNS: readonly RegExp[] = [
  // eLife: 10.7554/eLife.00011.026 is part of 10.7554/eLife.00011.
  /^(10\.7554\/elife\.\d{5})\.\d{3}$/,
  // PLOS: 10.1371/journal.pone.0012345.g001 (figure), .t001 (table), .s001 (supplement), .e001.
  /^(10\.1371\/journal\.[a-z]+\.\d{7})\.[gtse]\d{3}$/,
];

/** The DOI of the article a component DOI belongs to; any other DOI is returned as it is. */
export function articleDoi(doi: Doi): Doi {
  for (const p of PATTERNS) {
    const m = p.exec(doi);
    if (m?.[1] !== undefined) return m[1] as Doi;
  }
  return doi;
}
