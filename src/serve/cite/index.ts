/** The citation exports a report page offers, by file extension. */
import type { WorkSummary } from "../../core/report.js";
import { apaText } from "./apa.js";
import { bibtex } from "./bibtex.js";
import { cslItem } from "./csl.js";
import { ris } from "./ris.js";

/** One export: its media type, a label for the page, and the text. */
export interface CiteFormat {
  readonly ext: "bib" | "ris" | "json" | "txt";
  readonly label: string;
  readonly mediaType: string;
  render(work: WorkSummary): string;
}

/** Every export, in the order the page lists them. */
export const CITE_FORMATS: readonly CiteFormat[] = [
  { ext: "bib", label: "BibTeX", mediaType: "application/x-bibtex; charset=utf-8", render: bibtex },
  { ext: "ris", label: "RIS", mediaType: "application/x-research-info-systems; charset=utf-8", render: ris },
  {
    ext: "json",
    label: "CSL-JSON",
    mediaType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    render: (w) => `${JSON.stringify([cslItem(w)], null, 2)}\n`,
  },
  { ext: "txt", label: "APA (text)", mediaType: "text/plain; charset=utf-8", render: (w) => `${apaText(w)}\n` },
];

/** The export for a file extension, or undefined. */
export function citeFormat(ext: string): CiteFormat | undefined {
  return CITE_FORMATS.find((f) => f.ext === ext);
}

/** A file name for a download: the DOI or work id with unsafe characters replaced. */
export function citeFileName(work: WorkSummary, ext: string): string {
  return `${(work.doi ?? work.workId).replace(/[^A-Za-z0-9._-]+/g, "_")}.${ext}`;
}

export { apaText, bibtex, cslItem, ris };
