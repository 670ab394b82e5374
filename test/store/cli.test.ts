/** The report, search and stats commands, run in-process against a small index written from the conformance world. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import { Command } from "commander";
import { register as registerReport } from "../../src/cli/commands/report.js";
import { register as registerSearch } from "../../src/cli/commands/search.js";
import { register as registerStats } from "../../src/cli/commands/stats.js";
import { EXIT_INPUT, EXIT_USAGE, UsageError } from "../../src/cli/exit.js";
import { A, HOSTILE, P1, P2 } from "../../src/store/conformance/world.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { MIGRATIONS } from "../../src/store/sqlite/schema.js";

/** Runs one command line; returns what it printed and its exit code (as main would set it). */
async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command("citelens").exitOverride();
  for (const r of [registerReport, registerSearch, registerStats]) r(program);
  for (const c of program.commands) c.exitOverride();
  let out = "";
  let err = "";
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  process.exitCode = undefined;
  let code = 0;
  try {
    await program.parseAsync(["node", "citelens", ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err += error.message;
    code = EXIT_USAGE;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = undefined;
  }
  return { out, err, code };
}

describe("citelens report, search and stats", () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "citelens-cli-"));
    db = join(dir, "index.db");
    const store = openSqliteStore(db);
    await store.writeArticle(P1);
    await store.writeArticle(P2);
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("report --json prints exactly the Report document", async () => {
    const { out, code } = await cli("report", "https://doi.org/10.1000/ALPHA", "--db", db, "--json");
    assert.equal(code, 0);
    const store = openSqliteStore(db, { readonly: true });
    const expected = await store.report(A.workId, {});
    await store.close();
    assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(expected)));
  });

  test("report prints a readable summary with tallies and statements, control characters blanked", async () => {
    const { out, code } = await cli("report", "10.1000/alpha", "--db", db);
    assert.equal(code, 0);
    assert.match(out, /^Alpha pathway in mice\n/);
    assert.match(out, /supporting 1 {3}mentioning 2 {3}contrasting 2/);
    assert.match(out, /5 citation statements from 2 citing publications/);
    assert.ok(out.includes(HOSTILE));
  });

  test("an unknown DOI exits 1, a malformed one 2, a missing index 1", async () => {
    const unknown = await cli("report", "10.9999/unknown", "--db", db);
    assert.equal(unknown.code, EXIT_INPUT);
    assert.match(unknown.err, /no work 10\.9999\/unknown/);
    assert.equal((await cli("report", "not-a-doi", "--db", db)).code, EXIT_USAGE);
    assert.equal((await cli("report", "10.1000/alpha", "--db", join(dir, "missing.db"))).code, EXIT_INPUT);
  });

  test("search prints hits with matches marked, filters by stance, and prints JSON", async () => {
    const text = await cli("search", '"did not replicate"', "--db", db);
    assert.equal(text.code, 0);
    assert.match(text.out, /^2 statements match/);
    assert.ok(text.out.includes("[did not replicate]"));
    const json = JSON.parse((await cli("search", "replicate", "--db", db, "--json", "--stance", "contrasting")).out);
    assert.equal(json.total, 2);
    assert.equal((await cli("search", "x", "--db", db, "--stance", "positive")).code, EXIT_USAGE);
    assert.equal((await cli("search", "x", "--db", db, "--limit", "0")).code, EXIT_USAGE);
  });

  test("an index written by an earlier schema is migrated, then read", async () => {
    const old = join(dir, "old.db");
    const db = new Database(old);
    for (const m of MIGRATIONS.slice(0, 1)) db.exec(m.sql);
    db.pragma("user_version = 1");
    db.close();
    const { out, code } = await cli("stats", "--db", old, "--json");
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).statements, 0);
  });

  test("stats prints counts, and JSON", async () => {
    const { out } = await cli("stats", "--db", db);
    assert.match(out, /citation statements +7\n/);
    const json = JSON.parse((await cli("stats", "--db", db, "--json")).out);
    assert.equal(json.ingestedArticles, 2);
  });
});
