/**
 * Response headers that keep untrusted document text harmless: a Content-Security-Policy on every
 * HTML page (scripts only from this origin and with the request's nonce, styles only from this origin),
 * a locked-down policy on everything else, and `nosniff`.
 */
import { randomBytes } from "node:crypto";
import type { MiddlewareHandler } from "hono";

/** The policy of an HTML page served with `nonce`. */
export function htmlPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of every other response (JSON, SVG, downloads): nothing may load or run. */
export const OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Variables the security middleware sets on the context. */
export interface SecurityVariables {
  /** A fresh base64 nonce for this request's script tags. */
  nonce: string;
}

/** Middleware: makes the nonce, then sets the security headers on the response. */
export function securityHeaders(): MiddlewareHandler<{ Variables: SecurityVariables }> {
  return async (c, next) => {
    const nonce = randomBytes(16).toString("base64");
    c.set("nonce", nonce);
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    c.res.headers.set("content-security-policy", type.startsWith("text/html") ? htmlPolicy(nonce) : OTHER_POLICY);
    c.res.headers.set("x-content-type-options", "nosniff");
    c.res.headers.set("referrer-policy", "strict-origin-when-cross-origin");
    if (type.startsWith("text/html")) c.res.headers.set("x-frame-options", "DENY");
  };
}
