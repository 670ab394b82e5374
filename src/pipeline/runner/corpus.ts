/** Reads the reference lists of a corpus with the real parser (for the resolver's evaluation). */
import type { Diagnostic } from "../../core/diagnostic.js";
import type { ReferenceEntry } from "../../core/document.js";
import { listInputs, readInput } from "../ingest/sources.js";
import { parseBytes } from "../parse/index.js";

/** Every reference of every article under `paths`, in input order, and the problems met. */
export async function corpusReferences(
  paths: readonly string[],
): Promise<{ references: ReferenceEntry[]; articles: number; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const references: ReferenceEntry[] = [];
  let articles = 0;
  for (const input of await listInputs(paths, diagnostics)) {
    for await (const item of readInput(input, diagnostics)) {
      const parsed = parseBytes(item.name, item.bytes);
      if (parsed.document === null) continue;
      articles++;
      references.push(...parsed.document.references);
    }
  }
  return { references, articles, diagnostics };
}
