/** `citelens resolve --jsonl`: lines in, resolutions out in order; malformed lines are errors with their number. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type Doi, workIdFromDoi } from "../../src/core/ids.js";
import { PACKAGE_ROOT, SAMPLES_DIR } from "../../src/paths.js";
import { ingest } from "../../src/pipeline/run.js";

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");

function resolveLines(lines: string[], db: string) {
  const r = spawnSync(process.execPath, [CLI, "resolve", "--jsonl", "--db", db], {
    input: `${lines.join("\n")}\n`,
    encoding: "utf8",
  });
  return {
    status: r.status,
    out: r.stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    err: r.stderr,
  };
}

test("resolves by DOI and by metadata against an index, in input order; a bad line is reported and skipped", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "citelens-jsonl-")), "index.db");
  // eLife.00291 cites eLife.00102 by DOI, so the index knows that work and its title.
  await ingest([join(SAMPLES_DIR, "elife", "elife00291.xml.gz")], { db, workers: 1, progress: "none" });
  const { status, out, err } = resolveLines(
    [
      JSON.stringify({ id: "a", doi: "https://doi.org/10.7554/eLife.00102." }),
      "{not json",
      JSON.stringify({
        id: "b",
        title: "Sequence-specific detection of bacterial 23S ribosomal RNA by TLR13",
        authors: ["Li, XD", "Chen ZJ"],
        year: 2012,
        journal: "eLife",
      }),
      JSON.stringify({ id: "c", title: "A paper nobody has cited", authors: [{ surname: "Nobody" }], year: 1999 }),
      JSON.stringify({ title: "no id" }),
    ],
    db,
  );
  assert.equal(status, 1);
  assert.match(err, /stdin:2: resolve error \[bad-line\]/);
  assert.match(err, /stdin:5: resolve error \[bad-line\] missing "id"/);
  const elife = "10.7554/elife.00102" as Doi;
  assert.deepEqual(
    out.map((o) => [o.id, o.method, o.doi]),
    [
      ["a", "doi", elife],
      ["b", "metadata", elife],
      ["c", "unresolved", null],
    ],
  );
  assert.equal(out[0].workId, workIdFromDoi(elife));
  assert.equal(out[1].workId, workIdFromDoi(elife));
  assert.ok(out[1].score >= 0.85 && out[1].score <= 1);
  assert.match(out[2].workId, /^w[0-9a-f]{16}$/);
});

test("without an index, DOIs still resolve and the same reference gets the same id twice", () => {
  const line = JSON.stringify({ id: "x", title: "Unlisted work", authors: ["Ann Smith"], year: 2001 });
  const { status, out } = resolveLines([line, line.replace('"x"', '"y"')], join(tmpdir(), "citelens-no-such.db"));
  assert.equal(status, 0);
  assert.equal(out.length, 2);
  assert.equal(out[0].workId, out[1].workId);
});
