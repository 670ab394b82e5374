/**
 * Resume after kill -9: the CLI ingests a few hundred eLife articles, is killed with SIGKILL once some
 * articles are committed, is run again with the same command, and the database then equals (canonical
 * dump: works, statements, refs, sources without timestamps) that of an uninterrupted run.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { corpus } from "../support/data.js";
import { counts, dump } from "./dump.js";

const elife = corpus("elife-articles-2012-2016", "xml");
const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const ARTICLES = 200;

function run(dir: string, db: string): ChildProcess {
  return spawn(process.execPath, [CLI, "ingest", dir, "--db", db, "--workers", "2", "--progress", "none"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
}

function committed(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

test("an ingest killed with SIGKILL and run again equals an uninterrupted ingest", { skip: elife.skip }, async () => {
  const root = mkdtempSync(join(tmpdir(), "citelens-resume-"));
  const dir = join(root, "articles");
  mkdirSync(dir);
  // Every sixth file: a few hundred articles from all years, linked so the paths stay the same.
  const files = readdirSync(elife.path ?? "")
    .filter((f, i) => f.endsWith(".xml.gz") && i % 6 === 0)
    .slice(0, ARTICLES);
  for (const f of files) symlinkSync(join(elife.path ?? "", f), join(dir, f));

  const whole = join(root, "whole.db");
  const ok = await finished(run(dir, whole));
  assert.equal(ok.code, 0, ok.stderr.slice(-2000));

  const resumed = join(root, "resumed.db");
  const child = run(dir, resumed);
  const exit = finished(child);
  let seen = 0;
  for (let i = 0; i < 2000 && child.exitCode === null; i++) {
    seen = committed(resumed);
    if (seen >= 40) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  const killed = await exit;
  assert.equal(killed.signal, "SIGKILL", "the first run was killed, not finished");
  const atKill = committed(resumed);
  assert.ok(atKill >= 40 && atKill < files.length, `${atKill} of ${files.length} sources committed at the kill`);

  const again = await finished(run(dir, resumed));
  assert.equal(again.code, 0, again.stderr.slice(-2000));
  const a = dump(whole);
  const b = dump(resumed);
  assert.deepEqual(counts(b), counts(a));
  assert.equal(counts(a).sources, files.length);
  assert.deepEqual(b.sources, a.sources);
  assert.deepEqual(b.works, a.works);
  assert.deepEqual(b.refs, a.refs);
  assert.deepEqual(b.statements, a.statements);
});
