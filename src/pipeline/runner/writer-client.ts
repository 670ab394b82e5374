/** The runner's side of the store writer thread (writer.ts): requests, flow control, errors. */
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { Diagnostic } from "../../core/diagnostic.js";
import type { ArticleWrite } from "../../core/store.js";
import type { ResolvedArticle } from "../index/article.js";
import type { WriterData, WriterReply, WriterRequest } from "./messages.js";

/** A store writer thread on one SQLite file. */
export class StoreWriter {
  private sent = 0;
  private committed = 0;
  private failure: Error | null = null;
  private closed = false;
  private wake: (() => void) | null = null;
  /** Called with the number of sources each commit added. */
  onCommitted: (count: number) => void = () => {};

  private constructor(private readonly worker: Worker) {}

  /** Starts the writer on `db` (already created and migrated) and waits until it has opened it. */
  static start(db: string): Promise<StoreWriter> {
    const data: WriterData = { db };
    const worker = new Worker(new URL("./writer.js", import.meta.url), { workerData: data });
    const writer = new StoreWriter(worker);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (m: WriterReply) => {
        if (m.type === "ready") {
          ready = true;
          resolve(writer);
        } else writer.receive(m);
      });
      worker.on("error", (error) => {
        if (!ready) reject(error);
        writer.fail(new Error(`the store writer stopped: ${error.message}`));
      });
      worker.on("exit", () => {
        if (!ready) reject(new Error("the store writer stopped before it opened the database"));
        if (!writer.closed) writer.fail(new Error("the store writer stopped before the end of the batch"));
      });
    });
  }

  /** A port for an analysis worker to send statements on (the other end goes to the writer). */
  connect(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.post({ type: "port", port: port1 }, [port1]);
    return port2;
  }

  /** Queues a resolved article; its statements come from analysis job `id`. */
  article(
    id: number,
    source: ArticleWrite["source"],
    resolved: ResolvedArticle,
    diagnostics: readonly Diagnostic[],
  ): void {
    this.post({ type: "article", id, source, resolved, diagnostics });
    this.sent++;
  }

  /** Queues a failed source (`id`: its analysis job, if it reached a worker). */
  recordFailure(id: number | null, source: ArticleWrite["source"], diagnostics: readonly Diagnostic[]): void {
    this.post({ type: "failure", id, source, diagnostics });
    this.sent++;
  }

  /** Waits until at most `pending` of the queued sources are not committed yet; throws the writer's error. */
  async room(pending: number): Promise<void> {
    await this.until(() => this.sent - this.committed <= pending);
  }

  /** Commits what is queued, closes the database and stops the thread; throws the writer's error. */
  async end(): Promise<void> {
    if (this.failure === null && !this.closed) this.post({ type: "end" });
    await this.until(() => this.closed);
  }

  /** Stops the thread at once (what is committed stays). */
  async terminate(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  /** Waits for `done` (checked after each reply from the writer); throws the writer's error. */
  private async until(done: () => boolean): Promise<void> {
    while (this.failure === null && !done()) {
      await new Promise<void>((r) => {
        this.wake = r;
      });
    }
    if (this.failure !== null) throw this.failure;
  }

  private post(message: WriterRequest, transfer: MessagePort[] = []): void {
    if (this.failure === null) this.worker.postMessage(message, transfer);
  }

  private receive(m: WriterReply): void {
    if (m.type === "committed") {
      this.committed += m.count;
      this.onCommitted(m.count);
    } else if (m.type === "error") this.fail(new Error(m.message));
    else if (m.type === "closed") this.closed = true;
    this.notify();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    const f = this.wake;
    this.wake = null;
    f?.();
  }
}
