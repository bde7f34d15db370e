import type {} from 'dashboard-backup/react';
import 'dashboard-backup/dashboard-backup.js';
import type { BackupImportDoneDetail } from 'dashboard-backup/dashboard-backup.js';
import type { DashboardClient } from 'dashboard-backup';

export function BackupPanel({ client, onRestored }: { client: DashboardClient; onRestored: () => void }) {
  const done = (e: CustomEvent<BackupImportDoneDetail>) => console.log(e.detail.mode, e.detail.counts);
  return <dashboard-backup client={client} reload={onRestored} onbackup-import-done={done} unit="south-news" />;
}
