import { useEffect, useRef } from 'react';
import type {} from 'dashboard-backup/react'; // JSX typings of <dashboard-backup> and <backup-inspector>
import 'dashboard-backup/dashboard-backup.js';
import type { BackupImportDoneDetail, DashboardBackup } from 'dashboard-backup/dashboard-backup.js';
import type { DashboardClient } from 'dashboard-backup';

export function BackupPanel({ client, onRestored }: { client: DashboardClient; onRestored: () => void }) {
  const ref = useRef<DashboardBackup>(null);
  useEffect(() => {
    const el = ref.current!;
    el.client = client;
    el.reload = onRestored; // instead of location.reload()
    const done = (e: CustomEvent<BackupImportDoneDetail>) => console.log(e.detail); // { unit, mode, counts, differences }
    el.addEventListener('backup-import-done', done);
    return () => el.removeEventListener('backup-import-done', done);
  }, [client, onRestored]);
  return <dashboard-backup ref={ref} unit="south-news" theme="auto" />;
}
