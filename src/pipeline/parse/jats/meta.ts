/** The work metadata of a JATS article, from the small parts of `<front>` captured while streaming. */
import type { Person, WorkMeta } from "../../../core/document.js";
import { normalizeDoi } from "../../../core/ids.js";
import { child, children, find, textOf, type XNode } from "../xml/tree.js";
import { bareOrcid, personOf } from "./names.js";

/** What the JATS handler keeps of `<front>` for the metadata. */
export interface JatsFront {
  articleType: string | null;
  readonly articleIds: XNode[];
  titleGroup: XNode | null;
  readonly contribGroups: XNode[];
  readonly pubDates: XNode[];
  permissions: XNode | null;
  readonly journal: XNode[];
  /** The main abstract's paragraphs (not the eLife digest), as built. */
  abstract: string[] | null;
}

/** An empty front, filled in while reading. */
export function emptyFront(): JatsFront {
  return {
    articleType: null,
    articleIds: [],
    titleGroup: null,
    contribGroups: [],
    pubDates: [],
    permissions: null,
    journal: [],
    abstract: null,
  };
}

const TITLE_SKIP: ReadonlySet<string> = new Set(["xref", "fn"]);

/** The work metadata from what was captured. */
export function jatsWork(front: JatsFront): WorkMeta {
  const doiNode = front.articleIds.find((n) => n.attrs["pub-id-type"] === "doi");
  const title = textOf(child(front.titleGroup, "article-title"), TITLE_SKIP);
  const abstract = (front.abstract ?? []).filter((p) => !/^DOI:\s/.test(p)).join("\n");
  return {
    doi: normalizeDoi(doiNode === undefined ? null : textOf(doiNode)),
    title: title === "" ? null : title,
    authors: authorsOf(front.contribGroups),
    journal: journalOf(front.journal),
    year: yearOf(front.pubDates),
    publicationType: front.articleType,
    abstract: abstract === "" ? null : abstract,
    license: licenseOf(front.permissions),
  };
}

function authorsOf(groups: readonly XNode[]): Person[] {
  const out: Person[] = [];
  for (const group of groups) {
    for (const contrib of children(group, "contrib")) {
      if (contrib.attrs["contrib-type"] !== "author") continue;
      const idNode = children(contrib, "contrib-id").find((c) => c.attrs["contrib-id-type"]?.toLowerCase() === "orcid");
      const orcid = bareOrcid(idNode === undefined ? null : textOf(idNode));
      const nameNode =
        child(contrib, "name") ??
        child(contrib, "string-name") ??
        child(contrib, "name-alternatives") ??
        child(contrib, "collab");
      const person = nameNode === undefined ? null : personOf(nameNode, orcid);
      if (person !== null) out.push(person);
    }
  }
  return out;
}

function journalOf(nodes: readonly XNode[]): string | null {
  for (const n of nodes) {
    const t = n.name === "journal-title" ? textOf(n) : textOf(find(n, "journal-title"));
    if (t !== "") return t;
  }
  const ids = nodes.filter((n) => n.name === "journal-id");
  for (const type of ["nlm-ta", "iso-abbrev", "publisher-id"]) {
    const id = ids.find((n) => n.attrs["journal-id-type"] === type);
    if (id !== undefined && textOf(id) !== "") return textOf(id);
  }
  return null;
}

/** Lower is preferred: the electronic publication date first, then print, then the collection. */
function dateRank(d: XNode): number {
  const type = (d.attrs["pub-type"] ?? d.attrs["date-type"] ?? "").toLowerCase();
  if (type === "epub" || type === "pub") return 0;
  if (d.attrs["publication-format"] === "electronic") return 1;
  if (type === "ppub" || type === "epub-ppub") return 2;
  if (type === "collection") return 3;
  return 4;
}

function yearOf(dates: readonly XNode[]): number | null {
  const ranked = [...dates].sort((a, b) => dateRank(a) - dateRank(b));
  for (const d of ranked) {
    const text = textOf(child(d, "year")) || (d.attrs["iso-8601-date"] ?? "");
    const m = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

function licenseOf(permissions: XNode | null): string | null {
  const license = child(permissions, "license");
  if (license === undefined) {
    const ref = textOf(find(permissions, "ali:license_ref"));
    return ref === "" ? null : ref;
  }
  const href = license.attrs["xlink:href"];
  if (href !== undefined && href.trim() !== "") return href.trim();
  const ref = textOf(find(license, "ali:license_ref"));
  if (ref !== "") return ref;
  const text = textOf(license);
  return text === "" ? null : text;
}
