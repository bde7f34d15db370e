/**
 * The origin recorded in a backup's manifest and compared on import (`sameOrigin`): the `origin` option, else the
 * page's `location.origin`. Outside a browser (a Node.js script) there is no `location`: the fallback is `'null'`,
 * the serialization of an opaque origin, which never equals a page's — pass `origin` (the Dashboard's own, e.g.
 * `'https://dashboard.example.com'`) to record the real one.
 */
export function pageOrigin(origin?: string): string {
  return origin ?? globalThis.location?.origin ?? 'null';
}
