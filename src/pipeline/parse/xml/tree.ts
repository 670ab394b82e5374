/**
 * A tiny element tree for the small parts of a document worth holding whole (one reference, one
 * contributor, a header). The body is never built as a tree: it streams (see ../flow.ts).
 */

/** One captured element: its name, attributes and children (elements and text, in order). */
export interface XNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XNode | string)[];
}

/** Builds an `XNode` from open/text/close events, starting at the element it was created for. */
export class TreeCapture {
  private readonly stack: XNode[];

  constructor(name: string, attrs: Readonly<Record<string, string>>) {
    this.stack = [{ name, attrs, children: [] }];
  }

  /** Adds a child element and descends into it. */
  open(name: string, attrs: Readonly<Record<string, string>>): void {
    const node: XNode = { name, attrs, children: [] };
    (this.stack[this.stack.length - 1] as XNode).children.push(node);
    this.stack.push(node);
  }

  text(text: string): void {
    (this.stack[this.stack.length - 1] as XNode).children.push(text);
  }

  /** Closes the current element; returns the root once the root itself closes, else null. */
  close(): XNode | null {
    const node = this.stack.pop() as XNode;
    return this.stack.length === 0 ? node : null;
  }
}

/** Collapses runs of whitespace to one space and trims (no regex at all when the text is already clean). */
export function collapse(text: string): string {
  const t =
    text.includes("  ") || text.includes("\n") || text.includes("\t") || text.includes("\r")
      ? text.replace(/\s+/g, " ")
      : text;
  const n = t.length;
  return n > 0 && (t.charCodeAt(0) === 32 || t.charCodeAt(n - 1) === 32) ? t.trim() : t;
}

/** The text content of a node (all descendants, in order), whitespace collapsed. */
export function textOf(node: XNode | undefined | null, skip?: ReadonlySet<string>): string {
  if (node == null) return "";
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (typeof only === "string") return collapse(only);
  const parts: string[] = [];
  gather(node, parts, skip);
  return collapse(parts.join(""));
}

function gather(node: XNode, parts: string[], skip: ReadonlySet<string> | undefined): void {
  for (const c of node.children) {
    if (typeof c === "string") parts.push(c);
    else if (skip === undefined || !skip.has(c.name)) gather(c, parts, skip);
  }
}

/** The first child element with this name. */
export function child(node: XNode | undefined | null, name: string): XNode | undefined {
  if (node == null) return undefined;
  for (const c of node.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** Every child element with this name. */
export function children(node: XNode | undefined | null, name: string): XNode[] {
  const out: XNode[] = [];
  if (node == null) return out;
  for (const c of node.children) if (typeof c !== "string" && c.name === name) out.push(c);
  return out;
}

/** Every descendant element with one of these names, in document order (an explicit stack, no recursion limit). */
export function descendants(node: XNode | undefined | null, ...names: string[]): XNode[] {
  const out: XNode[] = [];
  if (node == null) return out;
  const todo: XNode[] = [node];
  while (todo.length > 0) {
    const n = todo.pop() as XNode;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c !== undefined && typeof c !== "string") todo.push(c);
    }
    if (n !== node && names.includes(n.name)) out.push(n);
  }
  return out;
}

/** The first descendant element with this name. */
export function find(node: XNode | undefined | null, name: string): XNode | undefined {
  return descendants(node, name)[0];
}
