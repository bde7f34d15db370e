/** Hands an engine's Blob to the browser as a file download. */

/**
 * Starts the download of `blob` as `filename` through a temporary `<a download>`, and returns its object URL so the
 * caller can also offer a visible link; the caller revokes it with `URL.revokeObjectURL` when it is no longer shown.
 */
export function downloadBlob(blob: Blob, filename: string): string {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  // A detached anchor downloads in Chromium and Firefox without being added to the page.
  anchor.click();
  return url;
}

/**
 * Starts the download of `blob` as `filename` and lets go of its object URL once the browser has taken it (the
 * download starts from the URL by the next task; it is kept a little longer for slow browsers).
 */
export function downloadBlobOnce(blob: Blob, filename: string): void {
  const url = downloadBlob(blob, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
