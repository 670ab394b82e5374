/** A pool of worker threads that analyze files; each worker loads the classifier once. */
import { Worker } from "node:worker_threads";
import { diagnostic } from "../../core/diagnostic.js";
import type { Analyzed } from "./analyze.js";
import type { JobMessage, WorkerData, WorkerMessage } from "./messages.js";

interface Pending {
  readonly job: JobMessage;
  readonly resolve: (a: Analyzed) => void;
}

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

/** Runs `analyze` on worker threads; `run` resolves with each file's result (never rejects for input). */
export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly size: number,
    private readonly data: WorkerData,
  ) {}

  /** Starts `size` workers and waits until each has loaded the classifier; returns its version. */
  static async start(
    size: number,
    modelPath: string | null = null,
  ): Promise<{ pool: AnalyzePool; classifierVersion: string }> {
    const pool = new AnalyzePool(Math.max(1, size), { modelPath });
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

  /** Analyzes one file. The bytes are copied to the worker. */
  run(name: string, bytes: Uint8Array): Promise<Analyzed> {
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, name, bytes }, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<string> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: this.data });
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
        slot.worker.postMessage(next.job);
      }
    }
  }
}
