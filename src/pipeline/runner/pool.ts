/** A pool of worker threads that analyze files; each worker loads the classifier once. */
import { type MessagePort, Worker } from "node:worker_threads";
import { diagnostic } from "../../core/diagnostic.js";
import type { AnalyzedSummary, JobMessage, WorkerData, WorkerMessage } from "./messages.js";

interface Pending {
  readonly job: JobMessage;
  readonly resolve: (a: AnalyzedSummary) => void;
}

/** Gives each new worker the port it sends statements to (the other end is the store writer's). */
export type ConnectWriter = () => MessagePort;

interface Slot {
  readonly worker: Worker;
  /** Jobs sent to this worker and not answered yet, oldest first. */
  readonly jobs: Pending[];
}

/**
 * Jobs sent ahead to each worker: while the main thread is busy writing (synchronous SQLite), a worker
 * that finished its file starts the next one instead of waiting for the main thread to hand it over.
 */
const JOBS_PER_WORKER = 2;

/**
 * Runs `analyze` and `prepareArticle` on worker threads; `run` resolves with each file's summary (never
 * rejects for input); the statements go to the writer each worker was connected to.
 */
export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly size: number,
    private readonly modelPath: string | null,
    private readonly connect: ConnectWriter,
  ) {}

  /** Starts `size` workers and waits until each has loaded the classifier; returns its version. */
  static async start(
    size: number,
    connect: ConnectWriter,
    modelPath: string | null = null,
  ): Promise<{ pool: AnalyzePool; classifierVersion: string }> {
    const pool = new AnalyzePool(Math.max(1, size), modelPath, connect);
    const started = await Promise.allSettled(Array.from({ length: pool.size }, () => pool.spawn()));
    const failed = started.find((r) => r.status === "rejected");
    if (failed !== undefined) {
      // Stop the workers that did start, or they would keep the process alive.
      await pool.close();
      throw failed.reason;
    }
    const first = started[0];
    return { pool, classifierVersion: first?.status === "fulfilled" ? first.value : "" };
  }

  /** Analyzes one file (job `id`, which its statements carry to the writer). The bytes are moved to the worker (the caller must not use them again). */
  run(name: string, bytes: Uint8Array): { readonly id: number; readonly result: Promise<AnalyzedSummary> } {
    const id = this.nextId++;
    const result = new Promise<AnalyzedSummary>((resolve) => {
      this.queue.push({ job: { id, name, bytes }, resolve });
      this.dispatch();
    });
    return { id, result };
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<string> {
    return new Promise((resolve, reject) => {
      const statementsPort = this.connect();
      const data: WorkerData = { modelPath: this.modelPath, statementsPort };
      const worker = new Worker(new URL("./worker.js", import.meta.url), {
        workerData: data,
        transferList: [statementsPort],
      });
      const slot: Slot = { worker, jobs: [] };
      let ready = false;
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "ready") {
          ready = true;
          this.slots.push(slot);
          resolve(m.classifierVersion);
          this.dispatch();
        } else if (m.type === "fatal") {
          reject(new Error(`an ingest worker could not start: ${m.message}`));
          void worker.terminate();
        } else {
          const i = slot.jobs.findIndex((p) => p.job.id === m.id);
          const done = i >= 0 ? slot.jobs.splice(i, 1)[0] : undefined;
          done?.resolve(m.result);
          this.dispatch();
        }
      });
      worker.on("error", (error) => {
        if (!ready) return reject(error);
        this.replace(slot, error);
      });
    });
  }

  /** A worker died (out of memory, a crash in native code): its files get a diagnostic, a new worker takes its place. */
  private replace(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    for (const lost of slot.jobs.splice(0)) {
      const d = diagnostic(
        lost.job.name,
        "ingest",
        "worker-crashed",
        `The worker analyzing this file stopped: ${error.message}.`,
      );
      lost.resolve({ article: null, diagnostics: [d] });
    }
    if (!this.closed) this.spawn().catch(() => {});
  }

  private dispatch(): void {
    for (let round = 0; round < JOBS_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (slot.jobs.length > round) continue;
        const next = this.queue.shift();
        if (next === undefined) return;
        slot.jobs.push(next);
        // The runner hands over a fresh copy of the bytes: move it instead of copying it again.
        const { buffer } = next.job.bytes;
        const whole = next.job.bytes.byteOffset === 0 && next.job.bytes.byteLength === buffer.byteLength;
        slot.worker.postMessage(next.job, whole && buffer instanceof ArrayBuffer ? [buffer] : []);
      }
    }
  }
}
