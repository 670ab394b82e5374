/** Renders evaluation reports as plain-text tables for the terminal and docs. */
import type { CrossValidationReport, EvalReport, SetReport } from "./evaluate.js";
import type { ReliabilityBin, Scores } from "./metrics.js";

const f3 = (x: number) => x.toFixed(3);

/** Per-class precision, recall, F1 and support, then macro-F1 and accuracy. */
export function scoresTable(s: Scores): string[] {
  const w = Math.max(...s.labels.map((l) => l.length), 9);
  const lines = [`  ${"label".padEnd(w)}  precision  recall  F1     support`];
  for (const c of s.perClass) {
    lines.push(
      `  ${c.label.padEnd(w)}  ${f3(c.precision).padStart(9)}  ${f3(c.recall).padStart(6)}  ${f3(c.f1)}  ${String(c.support).padStart(7)}`,
    );
  }
  lines.push(`  macro-F1 ${f3(s.macroF1)}   accuracy ${f3(s.accuracy)}   n ${s.n}`);
  return lines;
}

/** The confusion matrix, gold in rows and predictions in columns. */
export function confusionTable(s: Scores): string[] {
  const w = Math.max(...s.labels.map((l) => l.length), 9);
  const lines = [`  ${"gold \\ predicted".padEnd(w + 2)}${s.labels.map((l) => l.padStart(w + 1)).join("")}`];
  s.labels.forEach((l, g) => {
    lines.push(`  ${l.padEnd(w + 2)}${(s.confusion[g] ?? []).map((v) => String(v).padStart(w + 1)).join("")}`);
  });
  return lines;
}

/** The reliability table: confidence bins, their count, mean confidence and accuracy. */
export function reliabilityTable(bins: readonly ReliabilityBin[]): string[] {
  const lines = ["  confidence   count  mean conf  accuracy"];
  for (const b of bins) {
    lines.push(
      `  ${b.from.toFixed(1)}-${b.to.toFixed(1)}  ${String(b.count).padStart(8)}  ${f3(b.confidence).padStart(9)}  ${f3(b.accuracy).padStart(8)}`,
    );
  }
  return lines;
}

function setReport(r: SetReport): string[] {
  const lines = [`## ${r.name} (${r.n} statements)`, "", "stance:", ...scoresTable(r.stance), ""];
  lines.push(...confusionTable(r.stance), "", `calibration: ECE ${f3(r.ece)}`, ...reliabilityTable(r.reliability), "");
  if (r.intent) {
    lines.push("intent:", ...scoresTable(r.intent), `  ECE ${f3(r.intentEce ?? 0)}`, "");
  }
  return lines;
}

function cvReport(cv: CrossValidationReport): string[] {
  const contrasting = cv.stance.perClass.find((c) => c.label === "contrasting");
  return [
    `## grouped ${cv.folds}-fold cross-validation on elife-stance-train (${cv.n} statements, folds by citing article)`,
    "",
    "stance:",
    ...scoresTable(cv.stance),
    "",
    ...confusionTable(cv.stance),
    "",
    `contrasting F1 ${f3(contrasting?.f1 ?? 0)}   ECE ${f3(cv.ece)}`,
    "",
    "natural sample only:",
    ...scoresTable(cv.natural),
    "",
  ];
}

/** The whole report as text. */
export function renderReport(r: EvalReport): string {
  const lines = [`# Citelens classifier evaluation: model ${r.model}`, ""];
  for (const d of r.dev) lines.push(...setReport(d));
  if (r.crossValidation) lines.push(...cvReport(r.crossValidation));
  if (r.scicite) {
    lines.push(`## SciCite test, intent (${r.scicite.n} statements)`, "");
    if (r.scicite.intent) lines.push(...scoresTable(r.scicite.intent), ...confusionTable(r.scicite.intent));
    lines.push("");
  }
  return lines.join("\n");
}
