/**
 * What protects the page while an operation changes the unit: leaving it (closing the tab, reloading, following a
 * link) asks first, and a file dropped anywhere on the window is refused instead of being opened by the browser,
 * which would leave the page. Installed for the operation's duration only.
 */

/**
 * Installs the guards on `target` (the window); returns the function that removes them.
 * @see https://developer.mozilla.org/docs/Web/API/Window/beforeunload_event — `preventDefault()` asks the browser to
 *   confirm; `returnValue` is what older Chromium (before 119) looks at.
 */
export function guardPage(target: Window = window): () => void {
  const confirmLeaving = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    event.returnValue = true;
  };
  // Without a cancelled dragover there is no drop event and the browser opens the file; cancelling the drop stops
  // it from doing so. `none` shows the pointer that says the drop is refused.
  const refuseDrop = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  target.addEventListener('beforeunload', confirmLeaving);
  target.addEventListener('dragover', refuseDrop);
  target.addEventListener('drop', refuseDrop);
  return () => {
    target.removeEventListener('beforeunload', confirmLeaving);
    target.removeEventListener('dragover', refuseDrop);
    target.removeEventListener('drop', refuseDrop);
  };
}
