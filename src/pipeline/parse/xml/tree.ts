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

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The text content of a node (all descendants, in order), whitespace collapsed. */
export function textOf(node: XNode | undefined | null, skip?: ReadonlySet<string>): string {
  if (node == null) return "";
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

/** The text of the first descendant with this name, or null when absent or empty. */
export function textOrNull(node: XNode | undefined | null, name: string): string | null {
  const t = textOf(find(node, name));
  return t === "" ? null : t;
}

/** The first descendant of each name, and every descendant of each name, gathered in one walk. */
export interface NodeIndex {
  first(name: string): XNode | undefined;
  all(name: string): readonly XNode[];
  /** The collapsed text of the first descendant with this name, or null when absent or empty. */
  text(name: string): string | null;
}

const NONE: readonly XNode[] = [];

/** Indexes every descendant of a node by element name (one walk; for small captured trees). */
export function indexNodes(node: XNode): NodeIndex {
  const byName = new Map<string, XNode[]>();
  const todo: XNode[] = [node];
  while (todo.length > 0) {
    const n = todo.pop() as XNode;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c === undefined || typeof c === "string") continue;
      todo.push(c);
    }
    if (n === node) continue;
    const list = byName.get(n.name);
    if (list === undefined) byName.set(n.name, [n]);
    else list.push(n);
  }
  return {
    first: (name) => byName.get(name)?.[0],
    all: (name) => byName.get(name) ?? NONE,
    text: (name) => {
      const t = textOf(byName.get(name)?.[0]);
      return t === "" ? null : t;
    },
  };
}
