// The Content-Security-Policy of the pages `npm start` serves (the demo, the inspector, the bench page).

/**
 * The policy sent with every HTML page: no inline script or style, no eval, nothing from another origin — the
 * element must work under it. Pages may add a stricter `<meta>` policy of their own (both apply);
 * `frame-ancestors` only works in a header. The e2e tests assert it is there and that nothing violates it.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Koa middleware: adds {@link STRICT_CSP} to HTML responses (the API's own responses are left alone). */
export async function strictCsp(ctx, next) {
  await next();
  if (!ctx.headerSent && ctx.response.is('html')) ctx.set('Content-Security-Policy', STRICT_CSP);
}
