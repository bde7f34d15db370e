/** The reference Dashboard's dev controls, as the benchmarks call them (same origin as the bench page). */

/**
 * Calls `{base}/__dev/{path}` (e.g. `dev('/api', 'POST', 'worlds', { seed: 'large' })`) and returns its JSON.
 * @throws Error on any status but 2xx.
 */
export async function dev(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}/__dev/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
