import assert from "node:assert/strict";
import { test } from "node:test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { compileQuery, quoteTerms } from "./fts-query.js";

test("quotes every word and keeps lower-case negations as words", () => {
  assert.deepEqual(compileQuery("did not replicate"), { match: '("did" AND "not" AND "replicate")', exclude: null });
});

test("keeps a quoted phrase as one FTS5 string", () => {
  assert.deepEqual(compileQuery('"did not replicate"'), { match: '"did not replicate"', exclude: null });
});

test("translates OR, NOT, minus, prefix and parentheses", () => {
  assert.equal(compileQuery("a OR b").match, '("a" OR "b")');
  assert.equal(compileQuery("a NOT b").match, '"a" NOT "b"');
  assert.equal(compileQuery("a -b -c").match, '"a" NOT ("b" OR "c")');
  assert.equal(compileQuery("repl*").match, '"repl" *');
  assert.equal(compileQuery("(a OR b) c").match, '(("a" OR "b") AND "c")');
});

test("returns an exclusion when the query only excludes", () => {
  assert.deepEqual(compileQuery("NOT mice"), { match: null, exclude: '"mice"' });
});

test("escapes double quotes and drops terms without letters or digits", () => {
  assert.equal(compileQuery('say"hi"').match, '("say" AND "hi")');
  assert.equal(compileQuery("-- * ( )").match, null);
  assert.equal(compileQuery("NEAR(a b)").match, '("NEAR" AND ("a" AND "b"))');
});

test("quoteTerms keeps only words", () => {
  assert.equal(quoteTerms("a:b (c"), '"a" AND "b" AND "c"');
  assert.equal(quoteTerms("!!"), null);
});

test("no input makes an FTS5 syntax error", () => {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')");
  db.prepare("INSERT INTO t (x) VALUES (?)").run("the effect did not replicate in mice");
  const probe = db.prepare("SELECT count(*) FROM t WHERE t MATCH ?");
  const alphabet = fc.constantFrom(...'ab "()-*:^+{}AND OR NOT NEAR\u00e9\u201c'.split(""));
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 30 })), (q) => {
      const { match, exclude } = compileQuery(q);
      if (match !== null) probe.get(match);
      if (exclude !== null) probe.get(exclude);
    }),
    { numRuns: 2000 },
  );
  db.close();
});
