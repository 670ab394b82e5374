/**
 * RFC 9457 problem details: the one place that maps request failures to HTTP statuses and JSON bodies.
 * Each problem type has a URI under `/api/problems/` that documents it.
 */

/** The kinds of problem the API reports. */
export const PROBLEM_TYPES = {
  "malformed-doi": { status: 400, title: "Malformed DOI or work id" },
  "unknown-work": { status: 404, title: "Unknown work" },
  "bad-parameters": { status: 400, title: "Bad parameters" },
  "bad-body": { status: 400, title: "Bad request body" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "internal-error": { status: 500, title: "Internal error" },
} as const;

/** A problem type slug. */
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** A problem details document (RFC 9457 section 3). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  /** Per-parameter messages for `bad-parameters`. */
  readonly errors?: readonly string[];
}

/** The media type of problem documents. */
export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Builds a problem document. */
export function problem(
  type: ProblemType,
  detail: string,
  extra: { instance?: string; errors?: readonly string[] } = {},
): Problem {
  const t = PROBLEM_TYPES[type];
  return {
    type: `/api/problems/${type}`,
    title: t.title,
    status: t.status,
    detail,
    ...(extra.instance !== undefined ? { instance: extra.instance } : {}),
    ...(extra.errors !== undefined ? { errors: extra.errors } : {}),
  };
}

/** A problem as an HTTP response. */
export function problemResponse(p: Problem): Response {
  return new Response(`${JSON.stringify(p, null, 2)}\n`, {
    status: p.status,
    headers: { "content-type": `${PROBLEM_MEDIA_TYPE}; charset=utf-8` },
  });
}
