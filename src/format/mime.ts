/** MIME type given to backup Blobs. */
export const BACKUP_MIME_TYPE = 'application/octet-stream';
