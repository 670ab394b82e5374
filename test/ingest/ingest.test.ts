/**
 * End-to-end ingest on the committed eLife samples: idempotency, a changed file, a cited work ingested
 * later, self-citation, archives, and bad files in a batch.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { type Doi, normalizeDoi, workIdFromDoi } from "../../src/core/ids.js";
import { SAMPLES_DIR } from "../../src/paths.js";
import { ingest } from "../../src/pipeline/run.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { writeTarGz, writeZip } from "./archives.js";
import { counts, dump } from "./dump.js";

const sampleDir = join(SAMPLES_DIR, "elife");
const samples = readdirSync(sampleDir)
  .filter((f) => f.endsWith(".xml.gz"))
  .sort();
const quiet = { progress: "none", workers: 2 } as const;
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `citelens-${name}-`));

test("a second ingest of the same files skips every one and changes nothing", async () => {
  const db = join(tmp("idem"), "index.db");
  const first = await ingest([sampleDir], { db, ...quiet });
  assert.equal(first.articles, samples.length);
  assert.equal(first.failed, 0);
  assert.ok(first.statements > 1000, `${first.statements} statements`);
  assert.ok(first.references > 500);
  const before = dump(db);
  const second = await ingest([sampleDir], { db, ...quiet });
  assert.deepEqual([second.articles, second.skipped, second.failed, second.statements], [0, samples.length, 0, 0]);
  assert.deepEqual(dump(db), before);
});

test("a changed file replaces its article's statements, in place", async () => {
  const dir = tmp("changed");
  const db = join(dir, "index.db");
  const file = join(dir, "elife00102.xml.gz");
  copyFileSync(join(sampleDir, "elife00102.xml.gz"), file);
  await ingest([file], { db, ...quiet });
  const sentences = () =>
    new Database(db, { readonly: true })
      .prepare("SELECT sentence FROM statements ORDER BY id")
      .pluck()
      .all() as string[];
  const old = sentences();
  assert.ok(old.some((s) => s.includes("evolutionarily conserved transmembrane proteins")));
  const xml = gunzipSync(readFileSync(file)).toString("utf8");
  const edited = xml.replace("evolutionarily conserved transmembrane proteins", "ancient membrane proteins");
  assert.notEqual(edited, xml);
  writeFileSync(file, gzipSync(edited));
  const again = await ingest([file], { db, ...quiet });
  assert.equal(again.articles, 1);
  const now = sentences();
  assert.equal(now.length, old.length);
  assert.ok(!now.some((s) => s.includes("evolutionarily conserved transmembrane proteins")));
  assert.ok(now.some((s) => s.includes("ancient membrane proteins")));
  assert.equal(counts(dump(db)).sources, 1);
});

test("a cited work ingested later becomes the same work, and its report lists the earlier citing paper", async () => {
  const db = join(tmp("later"), "index.db");
  const cited = normalizeDoi("10.7554/eLife.00102") as Doi;
  await ingest([join(sampleDir, "elife00291.xml.gz")], { db, ...quiet });
  let store = openSqliteStore(db);
  const before = await store.findWork(cited);
  assert.equal(before?.workId, workIdFromDoi(cited));
  assert.equal(before?.ingested, false);
  await store.close();
  await ingest([join(sampleDir, "elife00102.xml.gz")], { db, ...quiet });
  store = openSqliteStore(db);
  try {
    const after = await store.findWork("https://doi.org/10.7554/eLife.00102");
    assert.equal(after?.workId, workIdFromDoi(cited));
    assert.equal(after?.ingested, true);
    assert.match(after?.title ?? "", /TLR13/);
    const report = await store.report(workIdFromDoi(cited), {});
    assert.ok(report !== null);
    const citing = report.statements.map((g) => g.citing.doi);
    assert.ok(citing.includes(normalizeDoi("10.7554/eLife.00291")));
    assert.ok(report.statementCount > 0);
  } finally {
    await store.close();
  }
});

test("statements citing a work by one of the citing authors are flagged as self-citations", async () => {
  const db = join(tmp("self"), "index.db");
  await ingest([join(sampleDir, "elife00102.xml.gz")], { db, ...quiet });
  const rows = new Database(db, { readonly: true })
    .prepare("SELECT ref_id, max(self) AS self FROM statements GROUP BY ref_id")
    .all() as { ref_id: string; self: number }[];
  const self = new Map(rows.map((r) => [r.ref_id, r.self]));
  // bib5: Li XD ... 2011 (Xiao-Dong Li is the first author of eLife.00102); bib13: Takeuchi and Akira.
  assert.equal(self.get("bib5"), 1);
  assert.equal(self.get("bib13"), 0);
});

test(".tar.gz and .zip archives are ingested member by member as archive!member", async () => {
  const dir = tmp("arch");
  const members = samples.slice(0, 3).map((f) => ({ name: `batch/${f}`, bytes: readFileSync(join(sampleDir, f)) }));
  const plain = samples.slice(3, 5).map((f) => ({
    name: `batch/${f.replace(/\.gz$/, "")}`,
    bytes: gunzipSync(readFileSync(join(sampleDir, f))),
  }));
  await writeTarGz(join(dir, "a.tar.gz"), [...members, ...plain]);
  writeZip(join(dir, "b.zip"), plain);
  const db = join(dir, "index.db");
  const s = await ingest([join(dir, "a.tar.gz"), join(dir, "b.zip")], { db, ...quiet });
  assert.equal(s.failed, 0);
  assert.equal(s.articles, 7);
  const paths = (dump(db).sources as unknown[][]).map((r) => r[0]);
  assert.ok(paths.includes(`${join(dir, "a.tar.gz")}!batch/${samples[0]}`));
  assert.ok(paths.includes(`${join(dir, "b.zip")}!${plain[0]?.name}`));
  // The same article from two archives is one work.
  assert.equal(new Set((dump(db).sources as unknown[][]).map((r) => r[7])).size, 5);
});

test("bad files in a batch get error diagnostics and the good ones are still ingested", async () => {
  const dir = tmp("bad");
  for (const f of samples.slice(0, 3)) copyFileSync(join(sampleDir, f), join(dir, f));
  writeFileSync(join(dir, "malformed.xml"), "<article><front><article-meta><title-group>");
  writeFileSync(join(dir, "truncated.xml.gz"), readFileSync(join(sampleDir, samples[4] ?? "")).subarray(0, 2000));
  writeFileSync(
    join(dir, "entities.xml"),
    '<!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><article>&y;</article>',
  );
  writeFileSync(join(dir, "empty.nxml"), "");
  const s = await ingest([dir, join(dir, "missing.xml")], { db: join(dir, "index.db"), ...quiet });
  assert.equal(s.articles, 3);
  assert.equal(s.failed, 4);
  const errors = new Set(s.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  for (const f of ["malformed.xml", "truncated.xml.gz", "entities.xml", "empty.nxml", "missing.xml"]) {
    assert.ok(errors.has(join(dir, f)), `an error for ${f}`);
  }
  const failed = (dump(join(dir, "index.db")).sources as unknown[][]).filter((r) => r[6] === "failed");
  assert.equal(failed.length, 4);
});

test("a store error stops the batch with that error; what was committed stays, and a rerun completes it", async () => {
  const dir = tmp("store-error");
  const db = join(dir, "index.db");
  const whole = join(tmp("store-error-whole"), "index.db");
  await ingest([sampleDir], { db: whole, ...quiet });
  // The database refuses the source row of one file in the middle of the batch.
  const failing = samples[samples.length - 5] ?? "";
  openSqliteStore(db).close();
  const conn = new Database(db);
  conn.exec(`CREATE TRIGGER refuse BEFORE INSERT ON sources WHEN NEW.path LIKE '%${failing}'
    BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
  conn.close();
  await assert.rejects(ingest([sampleDir], { db, ...quiet }), /disk says no/);
  const kept = (dump(db).sources as unknown[][]).map((r) => String(r[0]));
  // Whole articles in input order only: a prefix of the batch, without the refused file.
  assert.deepEqual(
    kept,
    samples.slice(0, kept.length).map((f) => join(sampleDir, f)),
  );
  assert.ok(kept.length < samples.length - 5);
  const drop = new Database(db);
  drop.exec("DROP TRIGGER refuse");
  drop.close();
  const rerun = await ingest([sampleDir], { db, ...quiet });
  assert.equal(rerun.skipped, kept.length);
  assert.deepEqual(dump(db), dump(whole));
});
