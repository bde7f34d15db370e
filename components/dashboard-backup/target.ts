/**
 * What `<dashboard-backup>` works on: the Dashboard client (the host's `client`, else a REST client for `api-base`),
 * the unit (`unit`, else the session's current one), and, while an operation runs, both pinned to what it started
 * on (unit-switch.ts says why). Also what an operation starting or ending does to the page: the `busy` attribute,
 * `backup-busy-change`, and for one that changes the unit, the page guard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../../src/schemas.js';
import type { DashboardClient } from '../shared/engine.js';
import { dispatchBackupEvent, type BackupOperation } from '../shared/events.js';
import { createRestClient } from './first-step.js';
import { changesUnit } from './operation.js';
import { guardPage } from './page-guard.js';
import type { PinnedTarget, RequestedSwitch } from './unit-switch.js';

/** The element's properties the target follows. */
export interface TargetHost extends ReactiveControllerHost, HTMLElement {
  apiBase: string;
  unit: string;
  client?: DashboardClient | undefined;
}

/** The client, unit and running operation of one `<dashboard-backup>`; the host re-renders when they change. */
export class WorkTarget implements ReactiveController {
  private sessionValue?: Session;
  private runningValue: BackupOperation | null = null;
  private pinnedValue?: PinnedTarget;
  private restClient?: { baseUrl: string; client: DashboardClient };
  private releasePage = () => {};

  constructor(
    private readonly host: TargetHost,
    /** How the switch notice names a change of client or `api-base` (the element's language). */
    private readonly anotherConnection: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The session read before the first step. */
  get session(): Session | undefined {
    return this.sessionValue;
  }

  set session(session: Session | undefined) {
    this.sessionValue = session;
    this.host.requestUpdate();
  }

  /** The operation that runs, or null. */
  get running(): BackupOperation | null {
    return this.runningValue;
  }

  /** What the current operation works on; kept after it ends while the page asks for something else. */
  get pinned(): PinnedTarget | undefined {
    return this.pinnedValue;
  }

  /** Forgets the pinned target (a new first step: never while an operation runs). */
  unpin(): void {
    this.pinnedValue = undefined;
    this.host.requestUpdate();
  }

  /** The unit this element works on: the one an operation runs on, else the one asked for. */
  get unitId(): string {
    return this.pinnedValue?.unit ?? this.requestedUnit;
  }

  /** The unit the page asks for: `unit`, or the session's current unit. */
  get requestedUnit(): string {
    return this.host.unit || this.sessionValue?.unit.id || '';
  }

  get unitName(): string {
    return this.pinnedValue?.unitName ?? this.nameOf(this.unitId);
  }

  nameOf(id: string): string {
    const session = this.sessionValue;
    return session?.units.find((u) => u.id === id)?.name ?? (session?.unit.id === id ? session.unit.name : id);
  }

  /** The client the panels use: the one an operation runs with, else the one asked for. */
  get workClient(): DashboardClient {
    return this.pinnedValue?.client ?? this.activeClient;
  }

  /** The client for `client` or `api-base`. */
  get activeClient(): DashboardClient {
    if (this.host.client) return this.host.client;
    if (this.restClient?.baseUrl !== this.host.apiBase) {
      this.restClient = { baseUrl: this.host.apiBase, client: createRestClient({ baseUrl: this.host.apiBase }) };
    }
    return this.restClient.client;
  }

  /** What the page asks for, when an operation (running or ended) is pinned to something else. */
  get requestedSwitch(): RequestedSwitch | undefined {
    const pinned = this.pinnedValue;
    if (!pinned) return undefined;
    if (this.activeClient !== pinned.client) return { label: this.anotherConnection() };
    if (this.requestedUnit !== pinned.unit) return { label: this.nameOf(this.requestedUnit) };
    return undefined;
  }

  /** A panel's operation started or ended: pin or unpin, `busy`, the event and, for one that changes the unit, the page guard. */
  operationChanged(operation: BackupOperation | null): void {
    if (operation === this.runningValue) return;
    this.runningValue = operation;
    if (operation && !this.pinnedValue) {
      this.pinnedValue = { client: this.workClient, unit: this.unitId, unitName: this.unitName };
    }
    if (!operation && !this.requestedSwitch) this.pinnedValue = undefined;
    this.host.requestUpdate();
    // At once, not at the next render: a panel reports the end of an import just before it schedules the reload.
    this.releasePage();
    this.releasePage = changesUnit(operation) ? guardPage() : () => {};
    this.host.toggleAttribute('busy', operation !== null);
    dispatchBackupEvent(this.host, 'backup-busy-change', { busy: operation !== null, operation });
  }
}
