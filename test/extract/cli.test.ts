/**
 * The `citelens extract` contract, run as a user runs it: `node bin/citelens.js extract ...` (after tsc).
 * Exact --jsonl field names, exit codes 0/1/2, diagnostics on stderr, bad files beside good ones.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { PACKAGE_ROOT, SAMPLES_DIR } from "../../src/paths.js";

const BIN = join(PACKAGE_ROOT, "bin", "citelens.js");
const FIXTURES = join(PACKAGE_ROOT, "test", "fixtures", "extract");
const fixture = (name: string) => join(FIXTURES, name);
const SAMPLE = join(
  SAMPLES_DIR,
  "elife",
  readdirSync(join(SAMPLES_DIR, "elife"))
    .filter((n) => n.endsWith(".xml.gz"))
    .sort()[0] ?? "",
);

/** The exact fields of a --jsonl line, in order (src/core/statement.ts `Statement`). */
const FIELDS = [
  "citingDoi",
  "refId",
  "marker",
  "sentence",
  "before",
  "after",
  "section",
  "sectionKind",
  "paragraph",
  "start",
  "end",
  "cited",
  "subArticle",
];
const BAD = [
  "empty.xml",
  "not-xml.xml",
  "not-gzip.xml.gz",
  "truncated.xml",
  "doctype-entities.xml",
  "not-article.xml",
  "bad-utf8.xml",
];
/** `file[:line[:col]]: stage severity [code] reason`, as formatDiagnostic writes it. */
const DIAGNOSTIC = /^(.+?)(?::\d+(?::\d+)?)?: (ingest|parse|extract) (error|warning) \[[a-z0-9-]+\] .+$/;

function citelens(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("citelens extract --jsonl", () => {
  test("prints one object per (sentence, reference) with exactly the contract fields, exit 0", () => {
    const r = citelens("extract", fixture("good-plos-style.xml"), "--jsonl");
    assert.equal(r.stderr, "");
    assert.equal(r.status, 0, r.stderr);
    const rows = jsonLines(r.stdout);
    for (const row of rows) assert.deepEqual(Object.keys(row), FIELDS);
    assert.deepEqual(
      rows.map((s) => [s.refId, s.marker, s.sentence]),
      [
        ["b1", "1", "Molecular clocks are useful [1]."],
        ["b2", "2", "Rates vary among lineages [2]–[4], e.g. in E. coli."],
        ["b3", "[2]–[4]", "Rates vary among lineages [2]–[4], e.g. in E. coli."],
        ["b4", "4", "Rates vary among lineages [2]–[4], e.g. in E. coli."],
        ["b1", "1", "Relaxed clocks help.1,5"],
        ["b5", "5", "Relaxed clocks help.1,5"],
        ["b3", "3", "We used the method of Smith et al. [3] with Fig. 2A settings."],
      ],
    );
    const first = rows[0] ?? {};
    assert.equal(first.citingDoi, "10.1371/journal.pone.0000001");
    assert.equal(first.before, "");
    assert.equal(first.after, "Rates vary among lineages [2]–[4], e.g. in E. coli.");
    assert.equal(first.section, "Introduction");
    assert.equal(first.sectionKind, "introduction");
    assert.equal(first.subArticle, null);
    assert.equal((first.cited as { id: string; year: number }).year, 1965);
    assert.equal(rows.at(-1)?.sectionKind, "methods");
  });

  test("reports every bad file on stderr, still prints the good files' statements, and exits 1", () => {
    const r = citelens("extract", ...BAD.map(fixture), fixture("good-plos-style.xml"), SAMPLE, "--jsonl");
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    for (const line of lines) assert.match(line, DIAGNOSTIC);
    for (const bad of BAD) {
      assert.ok(
        lines.some((l) => l.startsWith(fixture(bad)) && / error \[/.test(l)),
        `an error diagnostic names ${bad}:\n${r.stderr}`,
      );
    }
    const dois = new Set(jsonLines(r.stdout).map((s) => s.citingDoi));
    assert.ok(dois.has("10.1371/journal.pone.0000001"));
    assert.ok(
      [...dois].some((d) => String(d).startsWith("10.7554/elife.")),
      "the eLife sample's statements",
    );
  });

  test("exits 0 with a warning on stderr when a marker cites an unknown rid", () => {
    const r = citelens("extract", fixture("unknown-rid.xml"), "--jsonl");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /unknown-rid\.xml: extract warning \[unknown-rid\] .*"b9"/);
    const ids = jsonLines(r.stdout).map((s) => s.refId);
    assert.equal(ids.length, 6);
    assert.ok(!ids.includes("b9"));
  });

  test("reads folders recursively and reports a missing path, going on with the rest", () => {
    const r = citelens("extract", "no/such/file.xml", FIXTURES, "--jsonl");
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^no\/such\/file\.xml: ingest error \[not-found\]/m);
    assert.match(r.stderr, /not-gzip\.xml\.gz/);
    assert.doesNotMatch(r.stderr, /README\.md/, "a folder's non-XML files are skipped");
    assert.equal(jsonLines(r.stdout).filter((s) => s.citingDoi === "10.1371/journal.pone.0000001").length, 7 + 6);
  });
});

describe("citelens extract piped into a reader that stops early", () => {
  test("stops quietly when stdout closes (`... --jsonl | head`)", async () => {
    const child = spawn(process.execPath, [BIN, "extract", join(SAMPLES_DIR, "elife"), "--jsonl"]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    await once(child.stdout, "data");
    child.stdout.destroy();
    const [code] = (await once(child, "exit")) as [number | null];
    assert.doesNotMatch(stderr, /EPIPE|Error/);
    assert.equal(code, 0);
  });
});

describe("citelens extract without --jsonl", () => {
  test("prints a per-file summary table with statements, references and diagnostics", () => {
    const r = citelens("extract", fixture("good-plos-style.xml"), fixture("empty.xml"));
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    assert.match(lines[0] ?? "", /^file\s+statements\s+references\s+diagnostics$/);
    assert.ok(lines.some((l) => /good-plos-style\.xml\s+7\s+5\s+0$/.test(l)));
    assert.ok(lines.some((l) => /empty\.xml\s+0\s+0\s+1$/.test(l)));
    assert.match(lines.at(-1) ?? "", /^total \(2 files\)\s+7\s+5\s+1$/);
  });
});

describe("citelens extract usage", () => {
  test("exits 2 without a path", () => {
    const r = citelens("extract");
    assert.equal(r.status, 2, r.stderr);
  });
  test("exits 2 on an unknown option", () => {
    const r = citelens("extract", fixture("good-plos-style.xml"), "--nope");
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /unknown option '--nope'/);
  });
  test("exits 2 on a bad --max-xml-mb", () => {
    const r = citelens("extract", fixture("good-plos-style.xml"), "--max-xml-mb", "lots");
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--max-xml-mb/);
  });
  test("refuses a file larger than --max-xml-mb with a diagnostic, exit 1", () => {
    const r = citelens("extract", fixture("good-plos-style.xml"), "--max-xml-mb", "0.001", "--jsonl");
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /good-plos-style\.xml: (ingest|parse) error \[too-large\]/);
  });
  test("--help describes the contract and exits 0", () => {
    const r = citelens("extract", "--help");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /--jsonl/);
    assert.match(r.stdout, /citingDoi, refId, marker, sentence/);
  });
});
