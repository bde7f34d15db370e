/**
 * The demo's sign-in switch: the reference Dashboard's cookie-session routes (not part of `DashboardClient`, which
 * only reads and writes a unit's content).
 */

/** The demo users of the reference Dashboard. */
export const DEMO_USERS = ['admin', 'editor'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

async function post(url: string, body?: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** Signs in as a demo user in a unit (sets the `dashboard_session` cookie). */
export function signIn(apiBase: string, user: DemoUser, unit: string): Promise<void> {
  return post(`${apiBase}/login`, { user, unit });
}

/** Ends the cookie session. */
export function signOut(apiBase: string): Promise<void> {
  return post(`${apiBase}/logout`);
}
