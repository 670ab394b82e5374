/**
 * The model file: `CITELENS-CLF\n`, a JSON header line (format version, model version, feature
 * configuration, calibration, provenance), then each head's non-zero weights as little-endian
 * (uint32 feature index, K int16 weights times the head's quantum) records. Byte-for-byte stable for the same model.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { LogitTransform } from "./calibration.js";
import type { FeatureConfig } from "./features.js";
import { type ClassifierModel, type Head, MODEL_FORMAT_VERSION } from "./model.js";

const MAGIC = "CITELENS-CLF\n";

interface HeadHeader {
  readonly labels: readonly string[];
  readonly records: number;
  /** Weight = int16 value * quantum. */
  readonly quantum: number;
  readonly bias: readonly number[];
  readonly calibration: LogitTransform;
  readonly decision: readonly number[];
}

interface Header {
  readonly format: number;
  readonly version: string;
  readonly features: FeatureConfig;
  readonly stance: HeadHeader;
  readonly intent: HeadHeader;
  readonly provenance: Readonly<Record<string, string>>;
}

/** Features whose weights all stay below this magnitude are dropped from the file. */
const PRUNE = 1e-3;

/** Bytes of one record: a uint32 feature index and K int16 weights. */
const recordBytes = (K: number) => 4 + 2 * K;

/** The int16 quantization step of a head: its largest weight maps to 32767. */
function quantum(head: Head): number {
  let max = 0;
  for (const v of head.linear.weights) max = Math.max(max, Math.abs(v));
  return max === 0 ? 1 : Number((max / 32767).toPrecision(9));
}

function headRecords(head: Head, q: number): Buffer {
  const K = head.linear.classes;
  const w = head.linear.weights;
  const rows: number[] = [];
  for (let j = 0; j < head.linear.dim; j++) {
    for (let k = 0; k < K; k++) {
      if (Math.abs(w[j * K + k] as number) >= PRUNE) {
        rows.push(j);
        break;
      }
    }
  }
  const buf = Buffer.alloc(rows.length * recordBytes(K));
  let o = 0;
  for (const j of rows) {
    buf.writeUInt32LE(j, o);
    o += 4;
    for (let k = 0; k < K; k++) {
      buf.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round((w[j * K + k] as number) / q))), o);
      o += 2;
    }
  }
  return buf;
}

const round = (x: number) => Number(x.toPrecision(9));

function headHeader(head: Head, records: Buffer, q: number): HeadHeader {
  return {
    labels: head.labels,
    records: records.length / recordBytes(head.linear.classes),
    quantum: q,
    bias: [...head.linear.bias].map(round),
    calibration: { scale: round(head.calibration.scale), bias: head.calibration.bias.map(round) },
    decision: head.decision.map(round),
  };
}

/** Serializes a model; its version is `name+` the first 8 hex digits of a SHA-256 of the weights. */
export function serializeModel(model: Omit<ClassifierModel, "version"> & { name: string }): {
  bytes: Buffer;
  version: string;
} {
  const qs = quantum(model.stance);
  const qi = quantum(model.intent);
  const s = headRecords(model.stance, qs);
  const i = headRecords(model.intent, qi);
  const partial = {
    features: model.features,
    stance: headHeader(model.stance, s, qs),
    intent: headHeader(model.intent, i, qi),
  };
  const digest = createHash("sha256").update(JSON.stringify(partial)).update(s).update(i).digest("hex").slice(0, 8);
  const version = `${model.name}+${digest}`;
  const header: Header = { format: MODEL_FORMAT_VERSION, version, ...partial, provenance: model.provenance };
  const bytes = Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, "utf8"), s, i]);
  return { bytes, version };
}

/** Writes a model file and returns its version. */
export function writeModel(path: string, model: Omit<ClassifierModel, "version"> & { name: string }): string {
  const { bytes, version } = serializeModel(model);
  writeFileSync(path, bytes);
  return version;
}

function readHead(h: HeadHeader, dim: number, bytes: Buffer, offset: number): { head: Head; end: number } {
  const K = h.labels.length;
  const weights = new Float32Array(dim * K);
  let o = offset;
  for (let r = 0; r < h.records; r++) {
    const j = bytes.readUInt32LE(o);
    o += 4;
    if (j >= dim) throw new Error(`model file: feature index ${j} outside the feature space`);
    for (let k = 0; k < K; k++) {
      weights[j * K + k] = bytes.readInt16LE(o) * h.quantum;
      o += 2;
    }
  }
  return {
    head: {
      labels: h.labels,
      linear: { classes: K, dim, weights, bias: Float32Array.from(h.bias) },
      calibration: h.calibration,
      decision: h.decision,
    },
    end: o,
  };
}

/** Parses model bytes; throws saying what is wrong when they are not a model of this format version. */
export function parseModel(bytes: Buffer, source = "model"): ClassifierModel {
  if (bytes.subarray(0, MAGIC.length).toString("utf8") !== MAGIC) {
    throw new Error(`${source} is not a Citelens classifier model file (run \`citelens train\` to make one)`);
  }
  const nl = bytes.indexOf(10, MAGIC.length);
  if (nl < 0) throw new Error(`${source}: truncated model header`);
  const header = JSON.parse(bytes.subarray(MAGIC.length, nl).toString("utf8")) as Header;
  if (header.format !== MODEL_FORMAT_VERSION) {
    throw new Error(
      `${source} has model format version ${header.format}, this Citelens reads version ${MODEL_FORMAT_VERSION}: run \`citelens train\` to rebuild it`,
    );
  }
  const dim = 1 << header.features.bits;
  const stance = readHead(header.stance, dim, bytes, nl + 1);
  const intent = readHead(header.intent, dim, bytes, stance.end);
  if (intent.end !== bytes.length) throw new Error(`${source}: ${bytes.length - intent.end} unexpected trailing bytes`);
  return {
    version: header.version,
    features: header.features,
    stance: stance.head,
    intent: intent.head,
    provenance: header.provenance,
  };
}

/** Reads a model file. */
export function readModel(path: string): ClassifierModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(
      `cannot read the classifier model ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); run \`citelens train\` to make it`,
    );
  }
  return parseModel(bytes, path);
}
