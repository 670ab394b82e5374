/**
 * The Citelens badge: an SVG with the three tallies, and the HTML snippet that embeds it. Colours match
 * the report page; each count also carries its word, so the badge does not rely on colour alone.
 */
import type { Tallies } from "../../core/report.js";
import { escapeHtml } from "../html.js";

/** Badge colours: supporting green, mentioning grey-blue, contrasting amber-red (WCAG AA on white text). */
export const BADGE_COLOURS = { label: "#2b3440", supporting: "#1e6b3a", mentioning: "#45566b", contrasting: "#a3361f" };

/** Approximate text width in px for 11 px Verdana-like text (no font metrics needed for a badge). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[0-9]/.test(ch) ? 7 : /[ilj.,:;|!]/.test(ch) ? 3.5 : /[mwMW]/.test(ch) ? 10 : 7;
  return Math.ceil(w);
}

/** The alternative text of a badge, which also serves as the SVG's title. */
export function badgeText(t: Tallies): string {
  return `Citelens: ${t.supporting} supporting, ${t.mentioning} mentioning, ${t.contrasting} contrasting`;
}

/**
 * The badge SVG for a work's tallies.
 *
 * @example badgeSvg({ supporting: 3, mentioning: 40, contrasting: 1 })
 */
export function badgeSvg(t: Tallies): string {
  const segments: { text: string; fill: string }[] = [
    { text: "citelens", fill: BADGE_COLOURS.label },
    { text: `${t.supporting} supporting`, fill: BADGE_COLOURS.supporting },
    { text: `${t.mentioning} mentioning`, fill: BADGE_COLOURS.mentioning },
    { text: `${t.contrasting} contrasting`, fill: BADGE_COLOURS.contrasting },
  ];
  let x = 0;
  const rects: string[] = [];
  const texts: string[] = [];
  for (const s of segments) {
    const w = textWidth(s.text) + 12;
    rects.push(`<rect x="${x}" width="${w}" height="20" fill="${s.fill}"/>`);
    texts.push(`<text x="${x + w / 2}" y="14">${escapeHtml(s.text)}</text>`);
    x += w;
  }
  const title = escapeHtml(badgeText(t));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<clipPath id="r"><rect width="${x}" height="20" rx="3"/></clipPath>`,
    `<g clip-path="url(#r)">${rects.join("")}</g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">${texts.join("")}</g>`,
    "</svg>",
  ].join("");
}

/** The HTML that embeds a work's badge, linking to its report (absolute URLs under `origin`). */
export function badgeEmbed(origin: string, reportPath: string, badgePath: string, t: Tallies): string {
  return `<a href="${escapeHtml(origin + reportPath)}"><img src="${escapeHtml(origin + badgePath)}" alt="${escapeHtml(badgeText(t))}" height="20"></a>`;
}
