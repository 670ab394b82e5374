/** Labeled data sets: eLife stance statements (JSON lines) and SciCite intent statements. */
import { readFileSync } from "node:fs";
import type { ClassifyInput, Intent, Stance } from "../../core/statement.js";
import { INTENTS, STANCES } from "../../core/statement.js";

/** One labeled statement, from any of the data sets. */
export interface LabeledStatement {
  readonly id: string;
  /** The citing article (the group for grouped cross-validation). */
  readonly group: string;
  /** The sampling stratum (`natural`, `enriched`, ...), or the data set name. */
  readonly sample: string;
  readonly input: ClassifyInput;
  readonly stance: Stance | null;
  readonly intent: Intent | null;
}

/** A line that could not be used, with its 1-based line number. */
export interface DataProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8").split("\n");
}

/** Reads an eLife-stance file (train.jsonl, dev.jsonl, or any file of that format). */
export function readElifeStance(file: string, problems: DataProblem[] = []): LabeledStatement[] {
  const out: LabeledStatement[] = [];
  lines(file).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const r = JSON.parse(line) as Record<string, unknown>;
      if (typeof r.sentence !== "string") throw new Error("no sentence");
      const stance = STANCES.includes(r.stance as Stance) ? (r.stance as Stance) : null;
      const intent = INTENTS.includes(r.intent as Intent) ? (r.intent as Intent) : null;
      if (stance === null) throw new Error(`unknown stance ${JSON.stringify(r.stance)}`);
      out.push({
        id: String(r.id ?? `line${i + 1}`),
        group: String(r.citingDoi ?? r.id ?? i),
        sample: String(r.sample ?? "all"),
        input: {
          sentence: r.sentence,
          before: typeof r.before === "string" ? r.before : "",
          after: typeof r.after === "string" ? r.after : "",
          section: typeof r.section === "string" ? r.section : "",
        },
        stance,
        intent,
      });
    } catch (error) {
      problems.push({ file, line: i + 1, reason: (error as Error).message });
    }
  });
  return out;
}

/** Reads a SciCite file; the citation span (citeStart..citeEnd) is marked `<<...>>` as the target. */
export function readSciCite(file: string, problems: DataProblem[] = []): LabeledStatement[] {
  const out: LabeledStatement[] = [];
  lines(file).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      // The SciCite files were written by Python and hold bare NaN values where a field is empty.
      const r = JSON.parse(line.replace(/:\s*NaN\b/g, ": null")) as Record<string, unknown>;
      const text = String(r.string ?? "");
      const intent = r.label as Intent;
      if (!INTENTS.includes(intent)) throw new Error(`unknown label ${JSON.stringify(r.label)}`);
      const start = Math.trunc(Number(r.citeStart));
      const end = Math.trunc(Number(r.citeEnd));
      const marked =
        Number.isFinite(start) && Number.isFinite(end) && start >= 0 && end > start && end <= text.length
          ? `${text.slice(0, start)}<<${text.slice(start, end)}>>${text.slice(end)}`
          : text;
      out.push({
        id: String(r.unique_id ?? r.id ?? `line${i + 1}`),
        group: String(r.citingPaperId ?? i),
        sample: "scicite",
        input: { sentence: marked, section: String(r.sectionName ?? "") },
        stance: null,
        intent,
      });
    } catch (error) {
      problems.push({ file, line: i + 1, reason: (error as Error).message });
    }
  });
  return out;
}

/**
 * Reads a MultiCite classification split (a JSON array of {id, x, y}; CC BY-NC: never in the default
 * model). Labels map to stance: `differences` -> contrasting, `similarities` -> supporting (items with
 * both are skipped), everything else -> mentioning; `<cite>...</cite>` becomes the `<<...>>` mark.
 */
export function readMultiCite(file: string, problems: DataProblem[] = []): LabeledStatement[] {
  let rows: unknown;
  try {
    rows = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push({ file, line: 1, reason: (error as Error).message });
    return [];
  }
  if (!Array.isArray(rows)) {
    problems.push({ file, line: 1, reason: "not a JSON array" });
    return [];
  }
  const out: LabeledStatement[] = [];
  rows.forEach((r: { id?: unknown; x?: unknown; y?: unknown }, i) => {
    if (typeof r?.x !== "string" || typeof r?.y !== "string") {
      problems.push({ file, line: i + 1, reason: `item ${i}: no x or y` });
      return;
    }
    const labels = r.y.split(" ");
    const differences = labels.includes("differences");
    const similarities = labels.includes("similarities");
    if (differences && similarities) return;
    const stance: Stance = differences ? "contrasting" : similarities ? "supporting" : "mentioning";
    const id = String(r.id ?? i);
    out.push({
      id,
      group: id.split("_")[0] ?? id,
      sample: "multicite",
      input: { sentence: r.x.replace(/<cite>/g, "<<").replace(/<\/cite>/g, ">>") },
      stance,
      intent: null,
    });
  });
  return out;
}
