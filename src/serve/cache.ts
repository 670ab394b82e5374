/**
 * A response cache for GET pages and API documents. A read-only index changes only when an ingest
 * commits, so a response stays valid while the data version (the database files' size and mtime,
 * supplied by the caller) is unchanged; entries are also bounded in count, bytes and age. HTML is stored
 * as bytes split where its CSP nonce stood, and every hit gets a fresh nonce.
 */

/** A cached response. */
interface Entry {
  readonly status: number;
  readonly headers: readonly [string, string][];
  /** The body's bytes, split where the nonce stood (a hit joins them around the new nonce). */
  readonly parts: readonly Buffer[];
  readonly bytes: number;
  readonly version: string;
  readonly at: number;
}

/** Limits of the cache. */
export interface CacheOptions {
  /** The data version; a change empties the cache. Called at most once per `checkEveryMs`. */
  readonly version: () => string;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
  /** Longest an entry is served, whatever the version says. */
  readonly ttlMs?: number;
  readonly checkEveryMs?: number;
  /** The clock (tests). */
  readonly now?: () => number;
}

/** An LRU of responses keyed by URL, emptied when the data version changes. */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private version = "";
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly checkEveryMs: number;
  private readonly now: () => number;

  /** Hits and misses since start (for the benchmark and tests). */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly options: CacheOptions) {
    this.maxEntries = options.maxEntries ?? 2000;
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.checkEveryMs = options.checkEveryMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  private current(): string {
    const t = this.now();
    if (t - this.checkedAt >= this.checkEveryMs) {
      this.checkedAt = t;
      const v = this.options.version();
      if (v !== this.version) {
        this.version = v;
        this.entries.clear();
        this.bytes = 0;
      }
    }
    return this.version;
  }

  /** The cached response for `key` with `nonce` filled in, or null. */
  get(key: string, nonce: string): Response | null {
    const version = this.current();
    const e = this.entries.get(key);
    if (e === undefined || e.version !== version || this.now() - e.at > this.ttlMs) {
      if (e !== undefined) this.drop(key, e);
      this.counts.misses++;
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, e); // most recently used last
    this.counts.hits++;
    // Bytes, not a string: no re-encoding on a hit, and the nonce goes in with one copy.
    const body = e.parts.length === 1 ? (e.parts[0] as Buffer) : Buffer.concat(joinWith(e.parts, Buffer.from(nonce)));
    return new Response(body, { status: e.status, headers: [...e.headers] });
  }

  /** Stores a 200 response's text (read from a clone, so `res` is untouched). */
  async put(key: string, res: Response, nonce: string): Promise<void> {
    if (res.status !== 200) return;
    const version = this.current();
    const text = await res.clone().text();
    if (text.length > this.maxBytes / 8) return;
    const parts = text.split(nonce).map((p) => Buffer.from(p));
    const bytes = parts.reduce((n, p) => n + p.length, 0);
    const headers = [...res.headers].filter(([k]) => k !== "content-security-policy" && k !== "content-length");
    const old = this.entries.get(key);
    if (old !== undefined) this.drop(key, old);
    this.entries.set(key, { status: 200, headers, parts, bytes, version, at: this.now() });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }
}

function joinWith(parts: readonly Buffer[], sep: Buffer): Buffer[] {
  const out: Buffer[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(sep);
    out.push(p);
  });
  return out;
}
