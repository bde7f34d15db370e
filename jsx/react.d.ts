/**
 * JSX typings of `<dashboard-backup>` and `<backup-inspector>` for React 19 with TypeScript (needs `@types/react`).
 * Load them once, from any file of the app:
 *
 *     import type {} from 'dashboard-backup/react';
 *
 * Attributes are typed as in HTML (`api-base`, `no-reload`, `reload-delay`, `theme`, `unit`); React 19 sets `client`
 * and `reload` as properties, and turns `onbackup-import-done={…}` (any `on<event-name>`) into a listener of that
 * event, typed with its detail. `ref` gives the element itself.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DashboardBackup, DashboardBackupEventMap } from '../dist/types/components/dashboard-backup/dashboard-backup.js';
import type { BackupInspector, BackupInspectorEventMap } from '../dist/types/components/backup-inspector/backup-inspector.js';

/** `on<event-name>` props, as React 19 maps them to listeners of custom events. */
type EventProps<Map> = { [Name in keyof Map & string as `on${Name}`]?: (event: Map[Name]) => void };

/** The props of `<dashboard-backup>` in JSX. */
export type DashboardBackupProps = DetailedHTMLProps<HTMLAttributes<DashboardBackup>, DashboardBackup> &
  EventProps<DashboardBackupEventMap> & {
    'api-base'?: string;
    unit?: string;
    theme?: 'light' | 'dark' | 'auto';
    'no-reload'?: boolean;
    'reload-delay'?: number;
    client?: DashboardBackup['client'];
    reload?: DashboardBackup['reload'];
  };

/** The props of `<backup-inspector>` in JSX. */
export type BackupInspectorProps = DetailedHTMLProps<HTMLAttributes<BackupInspector>, BackupInspector> &
  EventProps<BackupInspectorEventMap>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'dashboard-backup': DashboardBackupProps;
      'backup-inspector': BackupInspectorProps;
    }
  }
}
