/** Messages between the runner and its worker threads. */
import type { Analyzed } from "./analyze.js";

/** Runner to worker: analyze one file. */
export interface JobMessage {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Worker to runner: ready (with the loaded classifier's version), a result, or a failure to start. */
export type WorkerMessage =
  | { readonly type: "ready"; readonly classifierVersion: string }
  | { readonly type: "result"; readonly id: number; readonly result: Analyzed }
  | { readonly type: "fatal"; readonly message: string };

/** Data given to each worker at start. */
export interface WorkerData {
  readonly modelPath: string | null;
}
