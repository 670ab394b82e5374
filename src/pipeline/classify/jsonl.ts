/**
 * The `classify --jsonl` contract: JSON lines `{id, sentence, before?, after?, section?}` in, lines
 * `{id, stance, confidence, intent, intentConfidence, cues}` out in input order. A malformed line gets
 * an error naming its line number and is skipped; the others are still classified.
 */
import type { Classifier } from "../../core/contracts.js";
import type { ClassifyInput } from "../../core/statement.js";

/** How many lines are classified together. */
const BATCH = 512;

/** A problem with one input line. */
export interface LineError {
  readonly line: number;
  readonly reason: string;
}

/** Parses one input line into an id and a classifier input, or says what is wrong with it. */
export function parseLine(text: string): { id: unknown; input: ClassifyInput } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: "not a JSON object" };
  const r = value as Record<string, unknown>;
  if (typeof r.sentence !== "string") return { error: 'missing "sentence" (a string)' };
  for (const key of ["before", "after", "section"] as const) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== "string") {
      return { error: `"${key}" must be a string when present` };
    }
  }
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  const before = str(r.before);
  const after = str(r.after);
  const section = str(r.section);
  return {
    id: r.id ?? null,
    input: {
      sentence: r.sentence,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(section !== undefined ? { section } : {}),
    },
  };
}

/** Classifies JSON lines from `lines`, writing result lines with `write` and problems with `onError`. */
export async function classifyJsonLines(
  lines: AsyncIterable<string> | Iterable<string>,
  classifier: Classifier,
  write: (text: string) => void,
  onError: (e: LineError) => void,
): Promise<{ classified: number; errors: number }> {
  let ids: unknown[] = [];
  let inputs: ClassifyInput[] = [];
  let classified = 0;
  let errors = 0;
  let lineNo = 0;
  const flush = () => {
    if (inputs.length === 0) return;
    const out = classifier.classify(inputs);
    let text = "";
    out.forEach((c, i) => {
      text += `${JSON.stringify({
        id: ids[i],
        stance: c.stance,
        confidence: Math.round(c.confidence * 10000) / 10000,
        intent: c.intent,
        intentConfidence: Math.round(c.intentConfidence * 10000) / 10000,
        cues: c.cues,
      })}\n`;
    });
    write(text);
    classified += out.length;
    ids = [];
    inputs = [];
  };
  for await (const raw of lines) {
    lineNo++;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    const parsed = parseLine(line);
    if ("error" in parsed) {
      errors++;
      onError({ line: lineNo, reason: parsed.error });
      continue;
    }
    ids.push(parsed.id);
    inputs.push(parsed.input);
    if (inputs.length >= BATCH) flush();
  }
  flush();
  return { classified, errors };
}
