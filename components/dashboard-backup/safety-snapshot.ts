/**
 * The safety snapshot links of the resume panel: the snapshot the import took before it wiped the unit, and the
 * fresh one a confirmed resume or rollback took of the unit as it found it. Read from the journal when the panel
 * connects; their object URLs are revoked when it goes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getSafetySnapshot } from '../../src/backup/resume.js';
import type { DashboardClient } from '../shared/engine.js';
import type { SnapshotLink } from './resume-steps.js';

/** The panel: its client and unit. */
export interface SnapshotHost extends ReactiveControllerHost {
  client?: DashboardClient | undefined;
  unit: string;
  readonly isConnected: boolean;
}

/** Both links of one panel; the host re-renders when either arrives. */
export class SafetySnapshots implements ReactiveController {
  /** The snapshot taken before the wipe. */
  snapshot?: SnapshotLink;
  /** The fresh one a confirmed resume or rollback took, if one ran. */
  fresh?: SnapshotLink;

  constructor(
    private readonly host: SnapshotHost,
    /** Reading the journal failed (the fresh one fails silently: it is a courtesy). */
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
    void this.loadFresh();
  }

  hostDisconnected(): void {
    if (this.snapshot) URL.revokeObjectURL(this.snapshot.url);
    if (this.fresh) URL.revokeObjectURL(this.fresh.url);
    this.snapshot = undefined;
    this.fresh = undefined;
  }

  /** Reads the snapshot taken before the wipe. */
  async load(): Promise<void> {
    const { client, unit } = this.host;
    try {
      const found = await getSafetySnapshot({ unit, ...(client ? { client } : {}) });
      if (!found || !this.host.isConnected) return;
      this.snapshot = { url: URL.createObjectURL(found.blob), filename: found.filename };
      this.host.requestUpdate();
    } catch (error) {
      this.onError(error);
    }
  }

  /** Reads the fresh safety snapshot, if a resume or rollback took one; silent when there is none or it fails. */
  async loadFresh(): Promise<void> {
    const { client, unit } = this.host;
    if (!client) return;
    const found = await getSafetySnapshot({ unit, client, fresh: true }).catch(() => undefined);
    if (!found || !this.host.isConnected) return;
    if (this.fresh) URL.revokeObjectURL(this.fresh.url);
    this.fresh = { url: URL.createObjectURL(found.blob), filename: found.filename };
    this.host.requestUpdate();
  }
}
