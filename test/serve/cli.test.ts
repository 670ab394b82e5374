/** `citelens serve` and `citelens start` as a user runs them: a real process, a real port, a signal. */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { buildHostileDb, HOSTILE_CITED_DOI, tempDir } from "./databases.js";

const MAIN = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const tmp = tempDir();
const db = join(tmp.dir, "cli.db");

before(() => buildHostileDb(db));
after(() => tmp.cleanup());

/** Starts a command and resolves with the URL it prints. */
function launch(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before printing a URL: ${out}\n${err}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

test("citelens serve prints its URL, serves the app and stops cleanly on SIGTERM", async () => {
  const { child, url } = await launch(["serve", "--db", db, "--port", "0", "--host", "127.0.0.1"]);
  const res = await fetch(`${url}/api/tallies/${HOSTILE_CITED_DOI}`);
  assert.equal(res.status, 200);
  assert.deepEqual(((await res.json()) as { tallies: unknown }).tallies, {
    supporting: 1,
    mentioning: 1,
    contrasting: 1,
  });
  const exited = exitOf(child);
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
});

test("citelens start serves a database that already holds articles without ingesting, on $PORT", async () => {
  const { child, url } = await launch(["start", "--db", db, "--host", "127.0.0.1"], { PORT: "0" });
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal((await fetch(`${url}/`)).status, 200);
  const exited = exitOf(child);
  child.kill("SIGINT");
  assert.equal(await exited, 0);
});

test("citelens serve refuses a missing database and a bad port with exit code 2", () => {
  const missing = spawnSync(process.execPath, [MAIN, "serve", "--db", join(tmp.dir, "none.db")], { encoding: "utf8" });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no database at/);
  const port = spawnSync(process.execPath, [MAIN, "serve", "--db", db, "--port", "http"], { encoding: "utf8" });
  assert.equal(port.status, 2);
  assert.match(port.stderr, /not a port/);
});
