import assert from "node:assert/strict";
import { test } from "node:test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { compileQuery } from "./fts-query.js";
import { scorer, tokens } from "./text-score.js";

test("tokens fold case and diacritics and split on everything but letters and digits", () => {
  assert.deepEqual(tokens("Zürich's NAÏVE p53-null <script>"), ["zurich", "s", "naive", "p53", "null", "script"]);
});

test("a phrase matches only its words in order", () => {
  const s = scorer('"did not replicate"');
  assert.ok(s);
  assert.notEqual(s("The effect did not replicate in mice."), null);
  assert.equal(s("The effect did replicate, but not in mice."), null);
});

test("scores more occurrences higher and excludes NOT terms", () => {
  const s = scorer("mice -rats");
  assert.ok(s);
  assert.ok((s("mice and mice") ?? 0) > (s("mice and flies") ?? 0));
  assert.equal(s("mice and rats"), null);
  assert.equal(scorer("!!"), null);
});

test("matches exactly what FTS5 unicode61 matches", () => {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare("INSERT INTO t (rowid, x) VALUES (?, ?)");
  const words = ["not", "did", "replicate", "mice", "Zürich", "zurich", "p53", "cells", "naïve", "Cells"];
  const sentence = fc.array(fc.constantFrom(...words, ",", "-", " ", "'"), { maxLength: 12 }).map((a) => a.join(" "));
  const query = fc
    .array(fc.constantFrom(...words, '"', "-", "OR", "NOT", "(", ")", "*", "cel*"), { minLength: 1, maxLength: 5 })
    .map((a) => a.join(" "));
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), query, (sentences, q) => {
      db.exec("DELETE FROM t");
      sentences.forEach((x, i) => insert.run(i + 1, x));
      const { match, exclude } = compileQuery(q);
      const s = scorer(q);
      const expected = new Set<number>();
      if (match !== null) {
        for (const r of db.prepare("SELECT rowid FROM t WHERE t MATCH ?").all(match) as { rowid: number }[]) {
          expected.add(r.rowid);
        }
      } else if (exclude !== null) {
        const out = new Set(
          (db.prepare("SELECT rowid FROM t WHERE t MATCH ?").all(exclude) as { rowid: number }[]).map((r) => r.rowid),
        );
        sentences.forEach((_, i) => {
          if (!out.has(i + 1)) expected.add(i + 1);
        });
      } else {
        return;
      }
      const actual = new Set<number>();
      sentences.forEach((x, i) => {
        if (s?.(x) != null) actual.add(i + 1);
      });
      assert.deepEqual([...actual].sort(), [...expected].sort(), `${q} on ${JSON.stringify(sentences)}`);
    }),
    { numRuns: 500 },
  );
  db.close();
});
