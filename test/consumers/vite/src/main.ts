import 'dashboard-backup/dashboard-backup.js'; // defines <dashboard-backup> (a side effect: keep this import)
import { createRestClient } from 'dashboard-backup';

// Optional: the element makes this very client itself from its `api-base` (default '/api'); set your own to change
// the base URL, the token or the routes (see "A custom Dashboard client" below).
document.querySelector('dashboard-backup')!.client = createRestClient({ baseUrl: '/api' });
