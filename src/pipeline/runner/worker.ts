/** A worker thread of the ingest pool: loads the classifier once, then analyzes files one by one. */
import { parentPort, workerData } from "node:worker_threads";
import type { Classifier } from "../../core/contracts.js";
import { loadClassifier } from "../classify/index.js";
import { analyze } from "./analyze.js";
import type { JobMessage, WorkerData, WorkerMessage } from "./messages.js";

const port = parentPort;
if (port === null) throw new Error("runner/worker.js must be started as a worker thread");
const post = (m: WorkerMessage) => port.postMessage(m);

let classifier: Classifier | null = null;
try {
  const data = workerData as WorkerData;
  classifier = loadClassifier(data.modelPath ?? undefined);
  post({ type: "ready", classifierVersion: classifier.version });
} catch (error) {
  post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });
}

port.on("message", (job: JobMessage) => {
  if (classifier === null) return;
  post({ type: "result", id: job.id, result: analyze(job.name, job.bytes, classifier) });
});
