/** Which file names ingest reads, and how. */

/** How a path is read: an article file (maybe gzipped), or an archive of article files. */
export type SourceKind = "article" | "tar" | "zip";

/** The kind of a path from its name, or null when ingest does not read such files. */
export function sourceKind(name: string): SourceKind | null {
  const n = name.toLowerCase();
  if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) return "tar";
  if (n.endsWith(".zip")) return "zip";
  if (/\.(xml|nxml)(\.gz)?$/.test(n) || n.endsWith(".gz")) return "article";
  return null;
}

/** True for an archive member ingest reads (`.xml`, `.nxml`, optionally gzipped). */
export function isArticleMember(name: string): boolean {
  return /\.(xml|nxml)(\.gz)?$/i.test(name) && !name.split("/").some((part) => part.startsWith("."));
}
