/** The stylesheet and the script, read once from `src/serve/static` and served with a content hash. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";

/** One static file: its bytes, media type and versioned URL. */
export interface StaticAsset {
  readonly body: string;
  readonly mediaType: string;
  readonly url: string;
  readonly etag: string;
}

/** The folder the static files live in (the source folder: tsc does not copy CSS or JS). */
export const STATIC_DIR = join(PACKAGE_ROOT, "src", "serve", "static");

function load(name: string, mediaType: string): StaticAsset {
  const body = readFileSync(join(STATIC_DIR, name), "utf8");
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { body, mediaType, url: `/static/${name}?v=${hash}`, etag: `"${hash}"` };
}

/** Loads the stylesheet and the script. */
export function loadAssets(): { readonly css: StaticAsset; readonly js: StaticAsset } {
  return { css: load("style.css", "text/css; charset=utf-8"), js: load("app.js", "text/javascript; charset=utf-8") };
}
