import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CitationMarker } from "../../../core/document.js";
import { citationsOf, markerNumber } from "./ranges.js";

/** Markers from a paragraph written with ⟦rid|text⟧ markers. */
function paragraph(marked: string): { text: string; markers: CitationMarker[] } {
  const markers: CitationMarker[] = [];
  let text = "";
  for (const part of marked.split(/(⟦[^⟧]*⟧)/u)) {
    const m = /^⟦([^|]*)\|([^⟧]*)⟧$/u.exec(part);
    if (m === null) {
      text += part;
      continue;
    }
    const shown = m[2] ?? "";
    markers.push({ refIds: (m[1] ?? "").split(" "), text: shown, start: text.length, end: text.length + shown.length });
    text += shown;
  }
  return { text, markers };
}

const REFS = ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"];
const order = new Map(REFS.map((id, i) => [id, i]));
const refIdAt = (p: number) => REFS[p] as string;

function cite(marked: string) {
  const { text, markers } = paragraph(marked);
  const r = citationsOf(text, markers, order, refIdAt);
  return { ids: r.citations.map((c) => c.refId), citations: r.citations, problems: r.problems, text };
}

describe("citationsOf range expansion", () => {
  test("expands [3]–[6] with brackets outside the markers to every reference in between", () => {
    assert.deepEqual(cite("shown [⟦b3|3⟧]–[⟦b6|6⟧].").ids, ["b3", "b4", "b5", "b6"]);
  });
  test("expands markers printed with their brackets, [3]–[6]", () => {
    assert.deepEqual(cite("shown ⟦b3|[3]⟧–⟦b6|[6]⟧.").ids, ["b3", "b4", "b5", "b6"]);
  });
  test("expands 3–6, (3-6) and a hyphen, em dash or minus sign", () => {
    assert.deepEqual(cite("shown.⟦b3|3⟧–⟦b6|6⟧ Next").ids, ["b3", "b4", "b5", "b6"]);
    assert.deepEqual(cite("shown (⟦b3|3⟧-⟦b5|5⟧).").ids, ["b3", "b4", "b5"]);
    assert.deepEqual(cite("shown [⟦b1|1⟧ — ⟦b3|3⟧].").ids, ["b1", "b2", "b3"]);
    assert.deepEqual(cite("shown [⟦b1|1⟧−⟦b3|3⟧].").ids, ["b1", "b2", "b3"]);
  });
  test("gives the references in between the printed range as their marker, spanning both ends", () => {
    const { citations, text } = cite("shown [⟦b2|2⟧–⟦b4|4⟧].");
    const middle = citations.find((c) => c.refId === "b3");
    assert.ok(middle);
    assert.equal(middle.marker, "2–4");
    assert.equal(text.slice(middle.start, middle.end), "2–4");
    assert.equal(citations.find((c) => c.refId === "b2")?.marker, "2");
  });
  test("takes in the brackets printed outside the markers, [2]–[4]", () => {
    const { citations, text } = cite("shown [⟦b2|2⟧]–[⟦b4|4⟧].");
    const middle = citations.find((c) => c.refId === "b3");
    assert.equal(middle?.marker, "[2]–[4]");
    assert.equal(text.slice(middle?.start, middle?.end), "[2]–[4]");
  });
  test("does not expand a list or adjacent references", () => {
    assert.deepEqual(cite("shown [⟦b1|1⟧, ⟦b3|3⟧].").ids, ["b1", "b3"]);
    assert.deepEqual(cite("shown [⟦b3|3⟧–⟦b4|4⟧].").ids, ["b3", "b4"]);
  });
  test("does not expand author-year markers joined by a dash", () => {
    assert.deepEqual(cite("(⟦b1|Smith, 2010⟧–⟦b4|Jones, 2012⟧)").ids, ["b1", "b4"]);
  });
  test("chains ranges and lists: 1–3, 5–7", () => {
    assert.deepEqual(cite("[⟦b1|1⟧–⟦b3|3⟧, ⟦b5|5⟧–⟦b7|7⟧]").ids, ["b1", "b2", "b3", "b5", "b6", "b7"]);
  });
  test("follows the reference-list order, warning when the printed numbers disagree", () => {
    const r = cite("[⟦b2|2⟧–⟦b5|9⟧]");
    assert.deepEqual(r.ids, ["b2", "b3", "b4", "b5"]);
    assert.equal(r.problems[0]?.code, "range-mismatch");
  });
  test("does not expand a backwards range, and says so", () => {
    const r = cite("[⟦b6|6⟧–⟦b3|3⟧]");
    assert.deepEqual(r.ids, ["b6", "b3"]);
    assert.equal(r.problems[0]?.code, "range-order");
  });
  test("does not expand when an end is not in the reference list", () => {
    assert.deepEqual(cite("[⟦b1|1⟧–⟦zz|4⟧]").ids, ["b1", "zz"]);
  });
  test("gives every id of a multi-id rid, in the order given", () => {
    assert.deepEqual(cite("⟦b5 b2|Höög et al. (2007, 2011)⟧ showed").ids, ["b5", "b2"]);
  });
});

describe("markerNumber", () => {
  test("reads numbers printed with or without brackets and a letter suffix", () => {
    assert.equal(markerNumber("3"), 3);
    assert.equal(markerNumber("[12]"), 12);
    assert.equal(markerNumber("(7a)"), 7);
  });
  test("returns null for author-year markers", () => {
    assert.equal(markerNumber("Smith et al., 2010"), null);
    assert.equal(markerNumber("2010a, b"), null);
    assert.equal(markerNumber("2012"), null);
  });
});
