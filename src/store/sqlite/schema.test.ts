import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { P1 } from "../conformance/world.js";
import { openSqliteStore } from "./index.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";

function withDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "citelens-schema-"));
  return f(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test("migrates a version 1 file that kept FTS in step with triggers", () =>
  withDir(async (dir) => {
    const file = join(dir, "v1.db");
    const db = new Database(file);
    db.exec(MIGRATIONS[0]?.sql ?? "");
    db.exec(`CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
      INSERT INTO statements_fts(rowid, sentence) VALUES (new.rid, new.sentence); END;`);
    db.pragma("user_version = 1");
    db.close();
    const store = openSqliteStore(file);
    await store.writeArticle(P1);
    assert.equal(store.database.pragma("user_version", { simple: true }), SCHEMA_VERSION);
    const triggers = store.database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get();
    assert.deepEqual(triggers, { n: 0 });
    // One FTS row per statement (a trigger left in place would have added a second).
    assert.equal((await store.search({ q: '"did not replicate"' })).total, 1);
    await store.close();
  }));

test("a file opens in WAL mode, then read-only", () =>
  withDir(async (dir) => {
    const file = join(dir, "index.db");
    const store = openSqliteStore(file);
    assert.equal(store.database.pragma("journal_mode", { simple: true }), "wal");
    await store.writeArticle(P1);
    await store.close();
    const reader = openSqliteStore(file, { readonly: true });
    assert.equal((await reader.stats()).statements, 4);
    await assert.rejects(reader.writeArticle(P1));
    await reader.close();
  }));

test("refuses a file written by a newer schema", () =>
  withDir(async (dir) => {
    const file = join(dir, "future.db");
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openSqliteStore(file), /newer than this Citelens/);
  }));
