/**
 * Which Dashboard the demo talks to. By default the reference Dashboard's default world at `/api`. With
 * `?dashboard=foreign` in the URL, a world of its `foreign` personality (docs/dashboard-api.md, "Personalities": a
 * Dashboard that is not our mirror), seeded `small` (or `large` with `&seed=large`), created on first load and kept
 * in the URL (`&world=<id>`), so the reload after an import shows the same world.
 */

/** Where the reference Dashboard is mounted on this origin. */
export const DEFAULT_API_BASE = '/api';

/** The Dashboards the demo can show. */
export const DEMO_DASHBOARDS = ['reference', 'foreign'] as const;
export type DemoDashboard = (typeof DEMO_DASHBOARDS)[number];

/** The Dashboard the URL asks for. */
export function chosenDashboard(url = new URL(location.href)): DemoDashboard {
  return url.searchParams.get('dashboard') === 'foreign' ? 'foreign' : 'reference';
}

/** The API base of the chosen Dashboard: `/api`, or a foreign world's (created now when the URL names none). */
export async function resolveApiBase(): Promise<string> {
  const url = new URL(location.href);
  if (chosenDashboard(url) === 'reference') return DEFAULT_API_BASE;
  const world = url.searchParams.get('world');
  if (world && /^[a-z0-9]+$/i.test(world)) {
    const base = `${DEFAULT_API_BASE}/worlds/${world}`;
    // A world the server dropped (restart, eviction) answers 404: make a new one.
    if ((await fetch(`${base}/__dev/stats`)).ok) return base;
  }
  const response = await fetch(`${DEFAULT_API_BASE}/__dev/worlds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed: url.searchParams.get('seed') === 'large' ? 'large' : 'small', personality: 'foreign' }),
  });
  if (!response.ok) throw new Error(`creating a foreign Dashboard answered ${response.status}`);
  const { id, baseUrl } = (await response.json()) as { id: string; baseUrl: string };
  url.searchParams.set('world', id);
  history.replaceState(null, '', url);
  return baseUrl;
}

/** Navigates to the demo showing `dashboard`. */
export function switchDashboard(dashboard: DemoDashboard): void {
  const url = new URL(location.href);
  url.search = dashboard === 'foreign' ? '?dashboard=foreign' : '';
  location.assign(url);
}
