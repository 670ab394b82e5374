/** A benchmark result: one table per stage, with the corpus and machine named. */
import { cpus, totalmem } from "node:os";

export interface BenchTable {
  readonly stage: string;
  readonly corpus: string;
  readonly rows: readonly Record<string, string | number>[];
  /** Targets and how the figures were made, printed under the table. */
  readonly notes?: readonly string[];
}

/** One line naming the machine the figures come from. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpu.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Renders a table as Markdown (so it can be pasted into the README as is). */
export function renderTable(t: BenchTable): string {
  const cols = [...new Set(t.rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) => (v === undefined ? "" : typeof v === "number" ? formatNumber(v) : v);
  const lines = [
    `### ${t.stage}  (corpus: ${t.corpus})`,
    "",
    `| ${cols.join(" | ")} |`,
    `| ${cols.map(() => "---").join(" | ")} |`,
    ...t.rows.map((r) => `| ${cols.map((c) => cell(r[c])).join(" | ")} |`),
  ];
  for (const n of t.notes ?? []) lines.push("", `- ${n}`);
  return lines.join("\n");
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
