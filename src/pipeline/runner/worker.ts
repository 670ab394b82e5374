/**
 * An analysis worker of the ingest pool: loads the classifier once, then analyzes files one by one and
 * prepares each article (see index/article.ts). The statements go straight to the store writer, the rest
 * (what resolution needs) back to the runner.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Classifier } from "../../core/contracts.js";
import { diagnostic } from "../../core/diagnostic.js";
import { loadClassifier } from "../classify/index.js";
import { prepareArticle } from "../index/article.js";
import { analyze } from "./analyze.js";
import type { AnalyzedSummary, JobMessage, StatementsMessage, WorkerData, WorkerMessage } from "./messages.js";

const port = parentPort;
if (port === null) throw new Error("runner/worker.js must be started as a worker thread");
const post = (m: WorkerMessage) => port.postMessage(m);
const data = workerData as WorkerData;

let classifier: Classifier | null = null;
try {
  classifier = loadClassifier(data.modelPath ?? undefined);
  post({ type: "ready", classifierVersion: classifier.version });
} catch (error) {
  post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });
}

port.on("message", (job: JobMessage) => {
  if (classifier === null) return;
  post({ type: "result", id: job.id, result: summarize(job, classifier) });
});

/** Analyzes and prepares one file; sends its statements to the writer first. */
function summarize(job: JobMessage, classifier: Classifier): AnalyzedSummary {
  const analyzed = analyze(job.name, job.bytes, classifier);
  if (analyzed.article === null) return { article: null, diagnostics: analyzed.diagnostics };
  try {
    const { statements, diagnostics, ...rest } = prepareArticle(job.name, analyzed.article, analyzed.diagnostics);
    const message: StatementsMessage = { id: job.id, statements };
    data.statementsPort.postMessage(message);
    return { article: { ...rest, statementCount: statements.length }, diagnostics };
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
    const failed = diagnostic(job.name, "index", "internal-error", `Preparing this article failed: ${why}.`);
    return { article: null, diagnostics: [...analyzed.diagnostics, failed] };
  }
}
