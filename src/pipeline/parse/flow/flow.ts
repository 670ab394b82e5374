/**
 * The streaming collector both formats share: a stack of text sinks (the innermost open block gets the
 * text), section contexts (nested sections belong to their top-level section), and paragraph slots in
 * document order. Format handlers only decide, per element, which of these calls to make.
 */
import type { Paragraph, Section, SectionKind } from "../../../core/document.js";
import { normalizeSectionKind } from "../sections.js";
import { ParagraphBuilder } from "./paragraph.js";

/** One section (or region) as it is being read. */
export interface SectionContext {
  /** A region (body, back, a sub-article's body) is the root that top-level sections sit in. */
  readonly root: boolean;
  /** The top-level section this one belongs to (itself when it is top-level or a root). */
  owner: SectionContext;
  heading: string;
  hasHeading: boolean;
  readonly secType: string | null;
  /** A kind fixed by the format (abstract, sub-article), not derived from the heading. */
  readonly fixedKind: SectionKind | null;
  section: Section | null;
}

interface Slot {
  readonly builder: ParagraphBuilder;
  readonly ctx: SectionContext;
  readonly subArticle: string | null;
  /** `markers`: kept only when it holds a citation marker (headings, stray titles). */
  readonly keep: "always" | "markers";
}

/** Options of a section being opened. */
export interface SectionOptions {
  readonly secType?: string | null;
  readonly fixedKind?: SectionKind | null;
  /** The heading it has when no title gives one. */
  readonly heading?: string;
  /** The top-level section this one belongs to, when the format knows better than nesting (TEI numbering). */
  readonly owner?: SectionContext;
}

/** Collects paragraphs from streamed events. */
export class Flow {
  private readonly slots: Slot[] = [];
  private readonly sinks: (ParagraphBuilder | null)[] = [];
  private readonly contexts: SectionContext[] = [];
  private readonly titles: (SectionContext | null)[] = [];
  private marker: ParagraphBuilder | null = null;
  /** The sub-article type of what is being read now; null in the main article. */
  subArticle: string | null = null;

  /** `breaks`: whether the document has any tab or line break (false lets paragraphs skip those scans). */
  constructor(private readonly breaks = true) {}

  /** True inside a region (text is collected). */
  get active(): boolean {
    return this.contexts.length > 0;
  }

  /** Opens a region: text before its first section gets this heading and kind. */
  openRegion(heading = "", kind: SectionKind = "other"): SectionContext {
    const ctx = this.context(true, { heading, fixedKind: kind });
    ctx.hasHeading = true;
    this.contexts.push(ctx);
    this.sinks.push(null);
    return ctx;
  }

  closeRegion(): void {
    this.contexts.pop();
    this.sinks.pop();
  }

  /** Opens a section; it is top-level when it sits directly in a region, unless `owner` says otherwise. */
  openSection(options: SectionOptions = {}): SectionContext {
    const ctx = this.context(false, options);
    this.contexts.push(ctx);
    return ctx;
  }

  closeSection(): void {
    this.contexts.pop();
  }

  /** The innermost open section or region, if any. */
  get current(): SectionContext | undefined {
    return this.contexts[this.contexts.length - 1];
  }

  private context(root: boolean, o: SectionOptions): SectionContext {
    const parent = this.contexts[this.contexts.length - 1];
    const ctx: SectionContext = {
      root,
      owner: undefined as unknown as SectionContext,
      heading: o.heading ?? "",
      hasHeading: false,
      secType: o.secType ?? null,
      fixedKind: o.fixedKind ?? null,
      section: null,
    };
    ctx.owner = o.owner ?? (root || parent === undefined || parent.root ? ctx : parent.owner);
    return ctx;
  }

  /** Opens a block of running text (paragraph, table cell, caption title...). */
  openBlock(keep: "always" | "markers" = "always"): void {
    const ctx = this.contexts[this.contexts.length - 1];
    if (ctx === undefined) {
      this.sinks.push(null);
      return;
    }
    const builder = new ParagraphBuilder(this.breaks);
    this.slots.push({ builder, ctx: ctx.owner, subArticle: this.subArticle, keep });
    this.sinks.push(builder);
  }

  closeBlock(): void {
    this.sinks.pop();
  }

  /**
   * Opens a section title. By default it names the current section when that section is top-level and
   * has no heading yet; `target` names another (or, when null, none). It stands as a paragraph too only
   * when it cites.
   */
  openTitle(target?: SectionContext | null): void {
    const ctx = this.contexts[this.contexts.length - 1];
    const auto = ctx !== undefined && !ctx.root && ctx.owner === ctx && !ctx.hasHeading ? ctx : null;
    this.titles.push(target === undefined ? auto : target);
    this.openBlock("markers");
  }

  /** Closes a title and returns its text. */
  closeTitle(): string {
    const target = this.titles.pop();
    const builder = this.sinks[this.sinks.length - 1];
    const text = builder == null ? "" : builder.build().text;
    if (target != null) {
      target.heading = text;
      target.hasHeading = true;
    }
    this.closeBlock();
    return text;
  }

  /** Opens an element whose own text belongs to no paragraph (figure, table, list); its blocks still do. */
  openContainer(): void {
    this.sinks.push(null);
  }

  closeContainer(): void {
    this.sinks.pop();
  }

  /** Text for the innermost open block (dropped outside blocks). */
  text(t: string): void {
    const sink = this.sinks[this.sinks.length - 1];
    if (sink != null) sink.add(t);
  }

  /** Starts a citation marker in the current block; false when there is no block to hold it. */
  beginMarker(refIds: readonly string[]): boolean {
    const sink = this.sinks[this.sinks.length - 1];
    if (sink == null) return false;
    sink.beginMarker(refIds);
    this.marker = sink;
    return true;
  }

  endMarker(): void {
    this.marker?.endMarker();
    this.marker = null;
  }

  /** The paragraphs kept, in document order, numbered from 0. */
  paragraphs(): Paragraph[] {
    const out: Paragraph[] = [];
    for (const slot of this.slots) {
      if (slot.builder.empty) continue;
      if (slot.keep === "markers" && slot.builder.markerCount === 0) continue;
      const { text, markers } = slot.builder.build();
      out.push({ index: out.length, text, section: sectionOf(slot.ctx), markers, subArticle: slot.subArticle });
    }
    return out;
  }

  /** The paragraphs that belong to one section context (e.g. the abstract), as built. */
  textsOf(ctx: SectionContext): string[] {
    const out: string[] = [];
    for (const slot of this.slots) {
      if (slot.ctx === ctx && slot.keep === "always" && !slot.builder.empty) out.push(slot.builder.build().text);
    }
    return out;
  }
}

function sectionOf(ctx: SectionContext): Section {
  if (ctx.section === null) {
    const kind = ctx.fixedKind ?? normalizeSectionKind(ctx.heading, ctx.secType);
    ctx.section = { heading: ctx.heading, kind };
  }
  return ctx.section;
}
