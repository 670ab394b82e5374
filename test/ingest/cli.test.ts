/** `citelens ingest` on the command line: progress lines and the summary on stderr, exit codes. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { PACKAGE_ROOT, SAMPLES_DIR } from "../../src/paths.js";

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

test("prints progress lines and a closing summary on stderr and exits 0 on good input", () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-cli-"));
  for (const f of ["elife00102.xml.gz", "elife00291.xml.gz"]) copyFileSync(join(SAMPLES_DIR, "elife", f), join(dir, f));
  const r = cli(["ingest", dir, "--db", join(dir, "i.db"), "--workers", "1", "--progress", "lines", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^ingest: 2\/2 \([\d.]+\/s, ETA \d+ s\)$/m);
  assert.match(r.stderr, /^ingested 2 articles \(0 unchanged, skipped; 0 failed\) in [\d.]+ s/m);
  assert.match(r.stderr, /^\d+ statements, \d+ references, [\d.]+% resolved to a DOI$/m);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.articles, 2);
  assert.ok(summary.statements > 100);
});

test("exits 1 and names the file when a source has an error, after ingesting the rest", () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-cli-bad-"));
  copyFileSync(join(SAMPLES_DIR, "elife", "elife00102.xml.gz"), join(dir, "elife00102.xml.gz"));
  writeFileSync(join(dir, "broken.xml"), "<article><body><p>unclosed");
  const r = cli(["ingest", dir, "--db", join(dir, "i.db"), "--progress", "none"]);
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    new RegExp(`${join(dir, "broken.xml").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*: parse error \\[`),
  );
  assert.match(r.stderr, /^ingested 1 articles \(0 unchanged, skipped; 1 failed\)/m);
});

test("a usage error exits 2", () => {
  const r = cli(["ingest", "x", "--workers", "none"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--workers must be a positive integer/);
});

test("--db in a folder that does not exist yet creates the folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-cli-newdir-"));
  const db = join(dir, "a", "b", "index.db");
  const r = cli(["ingest", join(SAMPLES_DIR, "elife", "elife00102.xml.gz"), "--db", db, "--progress", "none"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^ingested 1 articles/m);
  assert.ok(existsSync(db));
});

test("a database that cannot be opened stops the command with one line naming it, exit 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-cli-baddb-"));
  const db = join(dir, "folder.db");
  mkdirSync(db); // a folder where the database file should be
  const r = cli(["ingest", join(SAMPLES_DIR, "elife", "elife00102.xml.gz"), "--db", db, "--progress", "none"]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `citelens: cannot open the index ${db}: unable to open database file\n`);
});
