/** Reading sources: folders, gzip, .tar.gz and .zip built here from real eLife files, and broken archives. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import type { Diagnostic } from "../../src/core/diagnostic.js";
import { SAMPLES_DIR } from "../../src/paths.js";
import { listInputs, readInput, type SourceItem } from "../../src/pipeline/ingest/sources.js";
import { writeTarGz, writeZip } from "./archives.js";

const sampleDir = join(SAMPLES_DIR, "elife");
const samples = readdirSync(sampleDir).sort().slice(0, 4);

async function readAll(paths: string[]): Promise<{ items: SourceItem[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const items: SourceItem[] = [];
  for (const input of await listInputs(paths, diagnostics))
    for await (const s of readInput(input, diagnostics)) items.push(s);
  return { items, diagnostics };
}

test("a folder is read recursively in name order, skipping files of other kinds", async () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-src-"));
  mkdirSync(join(dir, "b"));
  writeFileSync(join(dir, "b", "z.xml"), "<article/>");
  writeFileSync(join(dir, "a.nxml"), "<article/>");
  writeFileSync(join(dir, "notes.txt"), "not an article");
  const { items, diagnostics } = await readAll([dir]);
  assert.deepEqual(
    items.map((i) => i.name),
    [join(dir, "a.nxml"), join(dir, "b", "z.xml")],
  );
  assert.deepEqual(diagnostics, []);
});

test(".tar.gz and .zip archives yield their article members as archive!member, with the bytes as stored", async () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-arc-"));
  const members = samples.map((f) => ({ name: `articles/${f}`, bytes: readFileSync(join(sampleDir, f)) }));
  const plain = { name: "plain/elife.xml", bytes: gunzipSync(readFileSync(join(sampleDir, samples[0] ?? ""))) };
  const junk = { name: "articles/figure1.tif", bytes: Buffer.from("not xml") };
  await writeTarGz(join(dir, "batch.tar.gz"), [...members, plain, junk]);
  writeZip(join(dir, "batch.zip"), [...members, plain, junk]);
  const { items, diagnostics } = await readAll([join(dir, "batch.tar.gz"), join(dir, "batch.zip")]);
  assert.deepEqual(diagnostics, []);
  const expected = [...members, plain].map((m) => m.name);
  assert.deepEqual(
    items.map((i) => i.name),
    [
      ...expected.map((n) => `${join(dir, "batch.tar.gz")}!${n}`),
      ...expected.map((n) => `${join(dir, "batch.zip")}!${n}`),
    ],
  );
  for (const item of items) {
    const xml = (item.bytes[0] === 0x1f ? gunzipSync(item.bytes) : Buffer.from(item.bytes)).toString("utf8");
    assert.match(xml, /<article[\s>]/);
  }
  assert.deepEqual(Buffer.from(items[0]?.bytes ?? []), members[0]?.bytes);
});

test("a corrupt archive or a missing path is a diagnostic and the other inputs are still read", async () => {
  const dir = mkdtempSync(join(tmpdir(), "citelens-bad-"));
  const good = join(dir, "good.xml");
  writeFileSync(good, "<article/>");
  const tarFile = join(dir, "broken.tar.gz");
  await writeTarGz(
    tarFile,
    samples.map((f) => ({ name: f, bytes: readFileSync(join(sampleDir, f)) })),
  );
  const bytes = readFileSync(tarFile);
  writeFileSync(tarFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
  writeFileSync(join(dir, "broken.zip"), "PK this is not a zip");
  const { items, diagnostics } = await readAll([tarFile, join(dir, "broken.zip"), join(dir, "missing.xml"), good]);
  assert.equal(items.at(-1)?.name, good);
  assert.deepEqual(
    diagnostics.map((d) => [d.file, d.code, d.stage]),
    [
      [join(dir, "missing.xml"), "not-found", "ingest"],
      [tarFile, "archive-corrupt", "ingest"],
      [join(dir, "broken.zip"), "archive-corrupt", "ingest"],
    ],
  );
});
