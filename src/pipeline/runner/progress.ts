/** Ingest progress on stderr: a bar on a terminal (cli-progress), periodic plain lines otherwise. */
import cliProgress from "cli-progress";

/** Reports done/total as work advances. */
export interface ProgressSink {
  update(done: number, total: number): void;
  stop(): void;
}

/** A sink for the given mode: `auto` picks `tty` when stderr is a terminal, else `lines`. */
export function progressSink(mode: "auto" | "tty" | "lines" | "none"): ProgressSink {
  const chosen = mode === "auto" ? (process.stderr.isTTY ? "tty" : "lines") : mode;
  if (chosen === "none") return { update() {}, stop() {} };
  if (chosen === "tty") return barSink();
  return linesSink();
}

function barSink(): ProgressSink {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}",
      etaBuffer: 50,
      fps: 5,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(done, total) {
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { rate });
      }
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

function linesSink(everyMs = 2000): ProgressSink {
  const started = Date.now();
  let last = 0;
  let lastDone = -1;
  const line = (done: number, total: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(0.001, seconds);
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    process.stderr.write(`ingest: ${done}/${total} (${rate.toFixed(1)}/s, ETA ${eta.toFixed(0)} s)\n`);
    lastDone = done;
  };
  let latest = { done: 0, total: 0 };
  return {
    update(done, total) {
      latest = { done, total };
      const now = Date.now();
      if (now - last >= everyMs) {
        last = now;
        line(done, total);
      }
    },
    stop() {
      if (latest.done !== lastDone && latest.total > 0) line(latest.done, latest.total);
    },
  };
}
