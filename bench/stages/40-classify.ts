/**
 * Classify stage: throughput of the default model on real statements (elife-stance-train, with their
 * neighbouring sentences and sections) on one core, and model load time.
 */
import { statSync } from "node:fs";
import { loadavg } from "node:os";
import { sharedData } from "../../src/paths.js";
import { readElifeStance } from "../../src/pipeline/classify/data.js";
import { DEFAULT_MODEL_PATH, loadClassifier } from "../../src/pipeline/classify/index.js";
import type { BenchTable } from "../table.js";

/** Runs the benchmark. */
export async function run(): Promise<BenchTable> {
  const file = sharedData("elife-stance-train", "train.jsonl");
  if (file === null) {
    return { stage: "classify", corpus: "(../shared/data/elife-stance-train absent)", rows: [] };
  }
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    loadClassifier();
    loads.push(performance.now() - t);
  }
  loads.sort((a, b) => a - b);
  const classifier = loadClassifier();
  const inputs = readElifeStance(file).map((s) => s.input);
  classifier.classify(inputs.slice(0, 3000)); // warm-up (JIT)
  const rounds = 3;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) classifier.classify(inputs);
  const wall = (performance.now() - t0) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const n = rounds * inputs.length;
  return {
    stage: "classify",
    corpus: `elife-stance-train (${inputs.length.toLocaleString("en-US")} statements with before/after/section, x${rounds})`,
    rows: [
      { measure: "statements/s (wall clock, one thread)", value: Math.round(n / wall) },
      { measure: "statements/s per CPU second", value: Math.round(n / cpu) },
      { measure: "model load (median of 5), ms", value: loads[2] ?? 0 },
      { measure: "model file, KiB", value: Math.round(statSync(DEFAULT_MODEL_PATH).size / 1024) },
      { measure: "load average during the run (1 min)", value: loadavg()[0] ?? 0 },
    ],
    notes: [
      "target: >= 50,000 statements/s on one core; load time small",
      "classify() on batches of the whole file: tokenize, hashed features, both heads, calibration and cues; one thread",
      "per-CPU-second figure is the fairer one on a shared machine (wall clock counts time other processes held the core)",
    ],
  };
}
