/** Every kind of bad input gives a diagnostic (file, place, stage, stable code, reason); parseBytes never throws. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import type { Diagnostic } from "../../src/core/diagnostic.js";
import { parseBytes } from "../../src/pipeline/parse/index.js";
import { fixture } from "./fixtures.js";

function only(diagnostics: readonly Diagnostic[], severity: "error" | "warning" = "error"): Diagnostic {
  const found = diagnostics.filter((d) => d.severity === severity);
  assert.equal(found.length, 1, `expected one ${severity}: ${JSON.stringify(diagnostics)}`);
  return found[0] as Diagnostic;
}

test("malformed XML gives xml-malformed with its line and column", () => {
  const r = parseBytes("malformed.xml", fixture("malformed.xml"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.deepEqual([d.file, d.stage, d.code, d.line, d.column], ["malformed.xml", "parse", "xml-malformed", 2, 44]);
  assert.match(d.reason, /unexpected close tag/);
});

test("truncated XML gives xml-malformed naming the unclosed tag", () => {
  const r = parseBytes("truncated.xml", fixture("truncated.xml"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.equal(d.code, "xml-malformed");
  assert.match(d.reason, /unclosed tag/);
  assert.equal(d.line, 2);
});

test("a DOCTYPE that declares entities is refused before anything is expanded", () => {
  const r = parseBytes("doctype-entities.xml", fixture("doctype-entities.xml"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.equal(d.code, "doctype-entities");
  assert.equal(d.stage, "parse");
  assert.ok(d.line !== null && d.line >= 1);
});

test("a billion-laughs DOCTYPE is refused fast and small", () => {
  const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
  const xml = `<?xml version="1.0"?><!DOCTYPE article [<!ENTITY l0 "lol">${levels}]><article><body><p>&l10;</p></body></article>`;
  const started = Date.now();
  const r = parseBytes("laughs.xml", Buffer.from(xml));
  assert.equal(r.document, null);
  assert.equal(only(r.diagnostics).code, "doctype-entities");
  assert.ok(Date.now() - started < 1000);
});

test("a plain DOCTYPE with a PUBLIC id, as eLife and PLOS write, is fine", () => {
  const r = parseBytes("minimal-jats.xml", fixture("minimal-jats.xml"));
  assert.notEqual(r.document, null);
  assert.deepEqual(r.diagnostics, []);
});

test("unknown named entities are kept as written, never expanded, with one warning", () => {
  const r = parseBytes("unknown-entity.xml", fixture("unknown-entity.xml"));
  const d = only(r.diagnostics, "warning");
  assert.equal(d.code, "unknown-entity");
  assert.match(d.reason, /&nbsp; \(2 times\), &mdash;/);
  assert.equal(r.document?.paragraphs[0]?.text, "A&nbsp;B and C&mdash;D and &nbsp;again (1).");
  const marker = r.document?.paragraphs[0]?.markers[0];
  assert.equal(marker?.text, "1");
});

test("entity names that match Object.prototype are unknown entities, not functions", () => {
  const r = parseBytes("proto.xml", Buffer.from("<article><body><p>&constructor; &toString;</p></body></article>"));
  assert.equal(r.document?.paragraphs[0]?.text, "&constructor; &toString;");
  assert.ok(r.diagnostics.some((d) => d.code === "unknown-entity" && /&constructor;, &toString;/.test(d.reason)));
});

test("a file that is not XML gives not-xml", () => {
  const r = parseBytes("notes.txt", fixture("not-xml.txt"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.deepEqual([d.code, d.line, d.column], ["not-xml", 1, 1]);
});

test("a PDF handed to the XML parser is named as a PDF", () => {
  const r = parseBytes("paper.xml", Buffer.from("%PDF-1.7\n%âãÏÓ\n"));
  assert.match(only(r.diagnostics).reason, /PDF/);
});

test("an empty file gives empty", () => {
  const r = parseBytes("empty.xml", fixture("empty.xml"));
  assert.equal(r.document, null);
  assert.equal(only(r.diagnostics).code, "empty");
  assert.equal(only(parseBytes("blank.xml", Buffer.from("  \n\t ")).diagnostics).code, "empty");
});

test("a .gz name over plain XML is read as XML, with a warning", () => {
  const r = parseBytes("not-really.xml.gz", fixture("not-really.xml.gz"));
  assert.equal(r.document?.paragraphs[0]?.text, "plain XML behind a .gz name");
  assert.ok(r.diagnostics.some((d) => d.code === "not-gzip" && d.stage === "ingest" && d.severity === "warning"));
});

test("a .gz name over bytes that are neither gzip nor XML gives not-xml", () => {
  const r = parseBytes("junk.xml.gz", Buffer.from("PK\u0003\u0004 not gzip"));
  assert.equal(r.document, null);
  assert.equal(only(r.diagnostics).code, "not-xml");
});

test("gzip is detected by its magic bytes, whatever the name", () => {
  const r = parseBytes("article.xml", fixture("minimal-jats.xml.gz"));
  assert.equal(r.document?.work.title, "A hand-made article");
  assert.deepEqual(r.diagnostics, []);
});

test("a truncated gzip stream gives gzip-corrupt in the ingest stage", () => {
  const r = parseBytes("truncated.xml.gz", fixture("truncated.xml.gz"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.deepEqual([d.stage, d.code], ["ingest", "gzip-corrupt"]);
});

test("a JATS file with no body and no references still gives its metadata, with warnings", () => {
  const r = parseBytes("no-body.xml", fixture("no-body.xml"));
  assert.equal(r.document?.work.title, "Only metadata");
  const codes = r.diagnostics.map((d) => `${d.severity}:${d.code}`).sort();
  assert.deepEqual(codes, ["warning:no-body", "warning:no-references"]);
});

test("an XML file that is not an article gives not-an-article naming its root", () => {
  const r = parseBytes("page.xml", fixture("not-article.xml"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.equal(d.code, "not-an-article");
  assert.match(d.reason, /<html>/);
});

test("nesting 100,000 levels deep is refused at the depth limit, fast, without a stack overflow", () => {
  const xml = `<article>${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</article>`;
  const started = Date.now();
  const r = parseBytes("deep.xml", Buffer.from(xml));
  assert.ok(Date.now() - started < 2000);
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.equal(d.code, "too-deep");
  assert.equal(d.line, 1);
  assert.match(d.reason, /512 levels/);
});

test("text that is not valid UTF-8 gives bad-encoding at the place of the bad byte", () => {
  const r = parseBytes("bad-utf8.xml", fixture("bad-utf8.xml"));
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.deepEqual([d.code, d.line, d.column], ["bad-encoding", 3, 7]);
  assert.match(d.reason, /0xe9/);
});

test("a file that declares ISO-8859-1 is decoded as such", () => {
  const bytes = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><article><body><p>Caf'),
    Buffer.from([0xe9]),
    Buffer.from("</p></body></article>"),
  ]);
  assert.equal(parseBytes("latin.xml", bytes).document?.paragraphs[0]?.text, "Café");
});

test("120 MB of XML arriving as a small gzip is refused past maxXmlBytes, in bounded memory", () => {
  // A multi-member gzip stream: one compressed 1.2 MB block repeated 100 times (about 120 MB of XML).
  const block = gzipSync(Buffer.from(`<p>${"x".repeat(1_200_000)}</p>`), { level: 9 });
  const gz = Buffer.concat([
    gzipSync(Buffer.from("<article><body>")),
    ...Array.from({ length: 100 }, () => block),
    gzipSync(Buffer.from("</body></article>")),
  ]);
  assert.ok(gz.length < 1_000_000, `gzip is ${gz.length} bytes`);
  const before = process.memoryUsage().rss;
  const r = parseBytes("huge.xml.gz", gz);
  const grew = process.memoryUsage().rss - before;
  assert.equal(r.document, null);
  const d = only(r.diagnostics);
  assert.deepEqual([d.stage, d.code], ["ingest", "too-large"]);
  assert.match(d.reason, /67108864 bytes \(64 MiB\)/);
  assert.match(d.reason, /maxXmlBytes/);
  assert.ok(grew < 400_000_000, `rss grew by ${grew} bytes`);
});

test("the size limit is configurable and applies to plain XML too", () => {
  const bytes = fixture("minimal-jats.xml");
  const r = parseBytes("small-limit.xml", bytes, { maxXmlBytes: 1000 });
  assert.equal(only(r.diagnostics).code, "too-large");
  assert.equal(parseBytes("gz-limit.xml.gz", fixture("minimal-jats.xml.gz"), { maxXmlBytes: 1000 }).document, null);
  assert.notEqual(parseBytes("ok.xml", bytes, { maxXmlBytes: 1_000_000 }).document, null);
});

test("parseBytes never throws on random bytes", () => {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < 200; i++) {
    const bytes = new Uint8Array(10 + (next() % 300)).map(() => next() & 0xff);
    if (i % 2 === 0) bytes.set(Buffer.from("<article>"), 0);
    const r = parseBytes(`random-${i}.xml`, bytes);
    assert.ok(r.document !== null || r.diagnostics.some((d) => d.severity === "error"));
  }
});

test("a UTF-8 byte order mark is accepted", () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("minimal-jats.xml")]);
  const r = parseBytes("bom.xml", bytes);
  assert.equal(r.document?.work.title, "A hand-made article");
  assert.deepEqual(r.diagnostics, []);
});

test("a UTF-16 file with its byte order mark is decoded", () => {
  const text = '<?xml version="1.0" encoding="UTF-16"?><article><body><p>Sixteen bits</p></body></article>';
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  assert.equal(parseBytes("utf16.xml", bytes).document?.paragraphs[0]?.text, "Sixteen bits");
});

test("text after the root element is malformed XML", () => {
  const r = parseBytes("trailing.xml", Buffer.from("<article><body><p>x</p></body></article>garbage"));
  assert.equal(r.document, null);
  assert.equal(only(r.diagnostics).code, "xml-malformed");
});
