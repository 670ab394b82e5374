/** Runs the app on a Node HTTP server and stops it cleanly. */

import { statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { StoreReader } from "../core/report.js";
import { type AppOptions, createApp } from "./app.js";

/**
 * The data version of an SQLite database for the response cache: size and mtime of the file and of its
 * write-ahead log, which change whenever a writer commits.
 */
export function sqliteDataVersion(file: string): () => string {
  const stamp = (f: string) => {
    try {
      const s = statSync(f);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return "-";
    }
  };
  return () => `${stamp(file)}|${stamp(`${file}-wal`)}`;
}

/** A running server: its URL and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, closes idle ones and waits for the rest to finish. */
  close(): Promise<void>;
}

/** The port to listen on: the option, else `$PORT`, else 8080. Throws on a value that is not a port. */
export function choosePort(option: string | number | undefined, env: string | undefined = process.env.PORT): number {
  const raw = option ?? env ?? "8080";
  const port = typeof raw === "number" ? raw : /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`"${raw}" is not a port (0-65535)`);
  return port;
}

/** Starts serving `reader` on `hostname:port` (port 0: any free port). */
export function startServer(
  reader: StoreReader,
  options: { readonly port: number; readonly hostname?: string; readonly app?: AppOptions },
): Promise<RunningServer> {
  const app = createApp(reader, options.app);
  const hostname = options.hostname ?? "0.0.0.0";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info: AddressInfo) => {
      const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}

/** Closes `stop` once on the first SIGINT or SIGTERM, then exits (a second signal exits at once). */
export function onShutdown(
  stop: () => Promise<void>,
  write: (line: string) => void = (l) => process.stderr.write(l),
): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    write(`\n${signal}: shutting down...\n`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}
