/**
 * Sources: the files, folders (recursive) and archives named on the command line, read one by one as
 * (name, bytes). A member of an archive is named `archive!member`. Order is deterministic: paths as
 * given, folder entries sorted by name, archive members in archive order.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import yauzl from "yauzl";
import { type Diagnostic, diagnostic } from "../../core/diagnostic.js";
import { isArticleMember, type SourceKind, sourceKind } from "./names.js";

/** One file to ingest: its name (path, or `archive!member`) and its bytes as read (maybe gzipped). */
export interface SourceItem {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A path to read, found by {@link listInputs}. */
export interface InputPath {
  readonly path: string;
  readonly kind: SourceKind;
}

/** Members larger than this are reported and skipped instead of read into memory. */
export const MAX_MEMBER_BYTES = 256 * 2 ** 20;

/**
 * Expands the given paths into the files to read: folders recursively (entries sorted, hidden entries
 * and unknown extensions skipped), files as given. A path that does not exist is a diagnostic.
 */
export async function listInputs(paths: readonly string[], diagnostics: Diagnostic[]): Promise<InputPath[]> {
  const out: InputPath[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      diagnostics.push(diagnostic(path, "ingest", "not-found", `Cannot read this path: ${message(error)}.`));
      return;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => !n.startsWith(".")).sort();
      for (const name of names) await visit(join(path, name), false);
      return;
    }
    const kind = sourceKind(path);
    // A file named explicitly is read as an article whatever its extension; in folders only known ones.
    if (kind !== null) out.push({ path, kind });
    else if (explicit) out.push({ path, kind: "article" });
  };
  for (const p of paths) await visit(p, true);
  return out;
}

/**
 * Reads the sources of one input path. Problems (unreadable file, corrupt archive) go to `diagnostics`
 * and end that input only; what was read before the problem is still yielded.
 */
export async function* readInput(input: InputPath, diagnostics: Diagnostic[]): AsyncGenerator<SourceItem> {
  try {
    if (input.kind === "article") yield { name: input.path, bytes: await readFile(input.path) };
    else if (input.kind === "tar") yield* readTarGz(input.path, diagnostics);
    else yield* readZip(input.path, diagnostics);
  } catch (error) {
    const code = input.kind === "article" ? "unreadable" : "archive-corrupt";
    diagnostics.push(
      diagnostic(input.path, "ingest", code, `Cannot read this ${describe(input.kind)}: ${message(error)}.`),
    );
  }
}

async function* readTarGz(path: string, diagnostics: Diagnostic[]): AsyncGenerator<SourceItem> {
  const extract = tar.extract();
  const piping = pipeline(createReadStream(path), createGunzip(), extract);
  // The pipeline's failure is reported by the iteration below; keep it from being unhandled.
  piping.catch(() => {});
  for await (const entry of extract) {
    const name = entry.header.name;
    if (entry.header.type !== "file" || !isArticleMember(name)) {
      entry.resume();
      continue;
    }
    if ((entry.header.size ?? 0) > MAX_MEMBER_BYTES) {
      entry.resume();
      diagnostics.push(tooLarge(`${path}!${name}`, entry.header.size ?? 0));
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    yield { name: `${path}!${name}`, bytes: Buffer.concat(chunks) };
  }
  await piping;
}

async function* readZip(path: string, diagnostics: Diagnostic[]): AsyncGenerator<SourceItem> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (entry === null) return;
      const name = entry.fileName;
      if (name.endsWith("/") || !isArticleMember(name)) continue;
      if (entry.uncompressedSize > MAX_MEMBER_BYTES) {
        diagnostics.push(tooLarge(`${path}!${name}`, entry.uncompressedSize));
        continue;
      }
      try {
        yield { name: `${path}!${name}`, bytes: await readEntry(zip, entry) };
      } catch (error) {
        diagnostics.push(
          diagnostic(
            `${path}!${name}`,
            "ingest",
            "archive-member-corrupt",
            `Cannot read this member: ${message(error)}.`,
          ),
        );
      }
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: yauzl.Entry) => done(() => resolve(e));
    const onEnd = () => done(() => resolve(null));
    const onError = (err: Error) => done(() => reject(err));
    const done = (f: () => void) => {
      zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
      f();
    };
    zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

function tooLarge(name: string, size: number): Diagnostic {
  return diagnostic(
    name,
    "ingest",
    "too-large",
    `This member is ${size} bytes, over the ${MAX_MEMBER_BYTES}-byte limit; skipped.`,
  );
}

function describe(kind: SourceKind): string {
  return kind === "article" ? "file" : kind === "tar" ? ".tar.gz archive" : ".zip archive";
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
}
