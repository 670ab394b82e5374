/** A smart citation card: one statement, its excerpt with the marker highlighted, its label and why. */
import type { StatementView, WorkSummary } from "../../core/report.js";
import { type Html, html } from "../html.js";
import { relationshipName, sectionName } from "../labels.js";
import { stanceChip, workLine } from "./parts.js";

/** The sentence with the citation marker wrapped in `<mark>` (offsets checked; bad offsets: no mark). */
export function markedSentence(s: Pick<StatementView, "sentence" | "markerStart" | "markerEnd">): Html {
  const { sentence, markerStart: a, markerEnd: b } = s;
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b > a && b <= sentence.length))
    return html`${sentence}`;
  return html`${sentence.slice(0, a)}<mark class="marker">${sentence.slice(a, b)}</mark>${sentence.slice(b)}`;
}

/** "Why <label>?" on demand: the cues behind the label, the intent, and where the statement stands. */
export function whyDetails(s: StatementView): Html {
  return html`<details class="why"><summary>Why ${s.stance}?</summary>
    <p>${s.cues.length > 0 ? html`Cues that drove the label: ${s.cues.map((c, i) => html`${i > 0 ? ", " : ""}<q class="cue">${c}</q>`)}.` : "No single cue dominated; the label comes from the sentence as a whole."}
    Intent: ${s.intent} (${Math.round(s.intentConfidence * 100)}%). Marker “${s.marker}”, paragraph ${s.paragraph + 1}, characters ${s.start}–${s.end}.</p>
  </details>`;
}

/** The card of one statement; `citing` is shown in the card header when given. */
export function statementCard(s: StatementView, citing: WorkSummary | null, cited?: WorkSummary): Html {
  return html`<article class="card stance-${s.stance}" id="s-${s.id}" aria-label="${s.stance} citation statement">
  <div class="card-head">${stanceChip(s.stance, s.confidence)}
    <span class="section">${sectionName(s.sectionKind)}${s.section && s.section.toLowerCase() !== sectionName(s.sectionKind).toLowerCase() ? html` <span class="heading">(${s.section})</span>` : ""}</span>
    ${s.subArticle ? html`<span class="tag">${s.subArticle.replace(/-/g, " ")}</span>` : ""}
    ${s.selfCitation ? html`<span class="tag self">${relationshipName("self")}</span>` : ""}
  </div>
  <blockquote class="excerpt">${s.before ? html`<span class="ctx">${s.before} </span>` : ""}<span class="sentence">${markedSentence(s)}</span>${s.after ? html`<span class="ctx"> ${s.after}</span>` : ""}</blockquote>
  ${citing ? html`<div class="citing">${workLine(citing)}</div>` : ""}
  ${cited ? html`<div class="cited"><span class="cites">Cites:</span> ${workLine(cited)}</div>` : ""}
  ${whyDetails(s)}
</article>`;
}
