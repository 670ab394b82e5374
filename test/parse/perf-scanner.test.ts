/**
 * The fast XML scanner against saxes: on every eLife and PLOS file, the GROBID TEI pairs and every
 * parse fixture, `parseText` with the scanner gives exactly the same ParsedDocument and diagnostics
 * as saxes alone (deep-equal). Also counts how many real files the scanner reads itself (it may give
 * up and hand a file to saxes, which is always safe but slow). One pass over the corpora.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { parseBytes, parseText } from "../../src/pipeline/parse/index.js";
import type { XmlHandler } from "../../src/pipeline/parse/xml/reader.js";
import { scanXml } from "../../src/pipeline/parse/xml/scan.js";
import { corpus } from "../support/data.js";
import { FIXTURES, fixture } from "./fixtures.js";

const elife = corpus("elife-articles-2012-2016", "xml");
const plos = corpus("plos-starter-corpus", "xml");
const pairs = corpus("pdf-xml-pairs");

const IGNORE: XmlHandler = { open() {}, text() {}, close() {} };

/** Compares both paths on one file's text; returns whether the scanner read it without giving up. */
function same(name: string, text: string): boolean {
  const fast = parseText(name, text);
  const slow = parseText(name, text, { scanner: false });
  assert.deepEqual(fast, slow, `${name}: the scanner and saxes disagree`);
  return scanXml(text, () => IGNORE, 512) !== null;
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.(?:xml|nxml)(?:\.gz)?$/.test(n))
    .sort();
}

function read(dir: string, name: string): string {
  const bytes = readFileSync(join(dir, name));
  return (name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

test("the scanner gives the same documents as saxes on every eLife file, and reads them all itself", {
  skip: elife.skip,
}, () => {
  const dir = elife.path as string;
  const names = xmlFiles(dir);
  const gaveUp = names.filter((name) => !same(name, read(dir, name)));
  assert.ok(names.length > 1900);
  assert.deepEqual(gaveUp, [], "eLife files the scanner handed to saxes");
});

test("the scanner gives the same documents as saxes on every PLOS file", { skip: plos.skip }, () => {
  const dir = plos.path as string;
  const names = xmlFiles(dir);
  const gaveUp = names.filter((name) => !same(name, read(dir, name)));
  assert.ok(names.length >= 80);
  assert.ok(gaveUp.length <= names.length / 10, `handed to saxes: ${gaveUp.join(", ")}`);
});

test("the scanner gives the same documents as saxes on the GROBID TEI files", { skip: pairs.skip }, () => {
  const root = pairs.path as string;
  let files = 0;
  for (const d of readdirSync(root, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const name of readdirSync(join(root, d.name)).filter((n) => n.endsWith(".xml"))) {
      same(name, read(join(root, d.name), name));
      files++;
    }
  }
  assert.ok(files >= 2);
});

test("every parse fixture gives the same result and diagnostics with and without the scanner", () => {
  for (const name of readdirSync(FIXTURES)) {
    const bytes = fixture(name);
    assert.deepEqual(parseBytes(name, bytes), parseBytes(name, bytes, { scanner: false }), name);
  }
});
