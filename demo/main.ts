/**
 * The demo Dashboard page: a signed-in header with a user menu whose last item, Backup, opens `<dashboard-backup>`
 * in a dialog; a switch between the demo users and units; and the unit's workspaces and plugins, so the reload after
 * an import shows the restored content.
 */
import { html, nothing, render } from 'lit';
import { createRestClient } from '../src/api/index.js';
import { isBackupError } from '../src/errors.js';
import type { Session } from '../src/schemas.js';
import '../components/dashboard-backup/dashboard-backup.js';
import type { BackupOperation } from '../components/dashboard-backup/dashboard-backup.js';
import { chosenDashboard, resolveApiBase, switchDashboard, type DemoDashboard } from './dashboard.js';
import { DEMO_USERS, signIn, signOut, type DemoUser } from './session.js';
import { setUpUserMenu } from './user-menu.js';

/** The chosen Dashboard's API base (`/api`, or a foreign world's: demo/dashboard.ts), set by start(). */
let apiBase = '/api';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
let client = createRestClient({ baseUrl: apiBase });
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function loadContent(session: Session): Promise<void> {
  const unit = session.unit.id;
  const [workspaces, plugins, profiles] = await Promise.all([
    client.listWorkspaces(unit),
    client.listPlugins(unit),
    client.listProfiles(unit),
  ]);
  render(
    html`<h1>${session.unit.name}</h1>
      <p class="summary">
        ${count(workspaces.length, 'workspace')} · ${count(plugins.length, 'plugin')} ·
        ${count(profiles.length, 'profile')}
      </p>
      <h2>Workspaces</h2>
      <ul class="cards" id="workspace-list">
        ${workspaces.map(
          (w) => html`<li class="card">
            <span class="card-title">${w.name}</span>
            <span class="card-meta">${w.shared ? 'Shared' : 'Private'} · owner ${w.owner}</span>
          </li>`,
        )}
      </ul>
      ${workspaces.length === 0 ? html`<p>No workspaces.</p>` : nothing}
      <h2>Plugins</h2>
      <ul class="plugin-list" id="plugin-list">
        ${plugins.map((p) => html`<li>${p.name} <span class="card-meta">${p.bundle} ${p.version}</span></li>`)}
      </ul>`,
    byId('content'),
  );
}

function showSignedOut(): void {
  byId('user-menu-root').hidden = true;
  byId('current-unit').textContent = '';
  render(html`<h1>Not signed in</h1><p>Choose a demo user and a unit above, then Sign in.</p>`, byId('content'));
}

function showSession(session: Session): void {
  byId('current-unit').textContent = session.unit.name;
  byId('user-name').textContent = session.user.name;
  byId('user-avatar').textContent = session.user.name.slice(0, 1).toUpperCase();
  byId('menu-who').textContent = `${session.user.name} · ${session.role} in ${session.unit.name}`;
  byId('user-menu-root').hidden = false;
  byId<HTMLSelectElement>('demo-unit').value = session.unit.id;
  const user = DEMO_USERS.find((u) => u === session.user.id);
  if (user) byId<HTMLSelectElement>('demo-user').value = user;
}

/** What the Close button's hint says while the element changes the unit (and the dialog cannot be closed). */
const RUNNING: Partial<Record<BackupOperation, string>> = {
  import: 'An import is running',
  resume: 'An import is being resumed',
  rollback: 'A rollback is running',
};

/**
 * The dialog around the element. It cannot be closed while the element changes the unit: the operation would go
 * on unseen, and its result (or its failure) would go unread.
 */
function setUpBackupDialog(session: Session, closeMenu: () => void): void {
  const dialog = byId<HTMLDialogElement>('backup-dialog');
  const closeButton = byId<HTMLButtonElement>('close-backup');
  const hint = byId('close-hint');
  let running: string | undefined;
  byId('open-backup').addEventListener('click', () => {
    closeMenu();
    const slot = byId('backup-slot');
    // One element per page view; it keeps its state when the dialog is closed and opened again.
    if (!slot.querySelector('dashboard-backup')) {
      const element = document.createElement('dashboard-backup');
      element.setAttribute('api-base', apiBase);
      element.setAttribute('unit', session.unit.id);
      // No `.client`: the element makes its own REST client for api-base, with the page's cookie session.
      slot.append(element);
    }
    dialog.showModal();
  });
  dialog.addEventListener('backup-busy-change', (event) => {
    running = event.detail.operation ? RUNNING[event.detail.operation] : undefined;
    closeButton.disabled = running !== undefined;
    hint.hidden = running === undefined;
    hint.textContent = running ? `${running}: the dialog can be closed once it has finished.` : '';
    if (running) closeButton.setAttribute('aria-describedby', 'close-hint');
    else closeButton.removeAttribute('aria-describedby');
  });
  const close = () => {
    if (!running) dialog.close();
  };
  closeButton.addEventListener('click', close);
  // Escape: the dialog's `cancel`. Chromium stops letting a page cancel it after an Escape repeated without a click
  // in between (its close-watcher rule against trapping), so the key itself is cancelled too.
  dialog.addEventListener('cancel', (event) => {
    if (running) event.preventDefault();
  });
  document.addEventListener('keydown', (event) => {
    if (running && dialog.open && event.key === 'Escape') event.preventDefault();
  });
  // Light dismiss on the backdrop (a click whose target is the dialog itself, outside its content box).
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  // A file dropped on the dialog but off the element (which takes or refuses its own) would be opened by the
  // browser, leaving the page: refuse it.
  for (const type of ['dragover', 'drop'] as const) {
    dialog.addEventListener(type, (event) => {
      if (event.defaultPrevented || !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'none';
    });
  }
}

async function start(): Promise<void> {
  // Lit renders next to existing children: drop the static "Loading…" first.
  byId('content').replaceChildren();
  const dashboardSelect = byId<HTMLSelectElement>('demo-dashboard');
  dashboardSelect.value = chosenDashboard();
  dashboardSelect.addEventListener('change', () => switchDashboard(dashboardSelect.value as DemoDashboard));
  // The element follows the page's lang as it changes (README, "Language"), and the theme's CSS (demo.css).
  const langSelect = byId<HTMLSelectElement>('demo-lang');
  langSelect.value = document.documentElement.lang === 'sv' ? 'sv' : 'en';
  langSelect.addEventListener('change', () => (document.documentElement.lang = langSelect.value));
  const themeSelect = byId<HTMLSelectElement>('demo-theme');
  themeSelect.addEventListener('change', () => {
    if (themeSelect.value) document.documentElement.dataset['theme'] = themeSelect.value;
    else delete document.documentElement.dataset['theme'];
  });
  apiBase = await resolveApiBase();
  client = createRestClient({ baseUrl: apiBase });
  const closeMenu = setUpUserMenu(byId('user-menu-button'), byId('user-menu'));
  byId('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = byId<HTMLSelectElement>('demo-user').value as DemoUser;
    await signIn(apiBase, user, byId<HTMLSelectElement>('demo-unit').value);
    location.reload();
  });
  byId('sign-out').addEventListener('click', async () => {
    await signOut(apiBase);
    location.reload();
  });
  let session: Session;
  try {
    session = await client.getSession();
  } catch (error) {
    if (isBackupError(error, 'UNAUTHENTICATED')) return showSignedOut();
    throw error;
  }
  showSession(session);
  setUpBackupDialog(session, closeMenu);
  await loadContent(session);
}

start().catch((error: unknown) => {
  render(html`<h1>The Dashboard cannot be reached</h1><p>${String(error)}</p>`, byId('content'));
});
