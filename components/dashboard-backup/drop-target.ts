/**
 * File drops on an element as a whole: the whole of `host` takes a dropped file, not just the drop zone drawn
 * inside it, so a file dropped a little off the zone is not opened by the browser (which would leave the page).
 */

/** What {@link listenForFileDrops} asks and tells. */
export interface FileDropOptions {
  /** Whether a file can be dropped now (e.g. only while the file form shows). */
  accepting: () => boolean;
  /** A file is dragged over `host` (true), or left it or was dropped (false). */
  onDragging: (over: boolean) => void;
  onFile: (file: File) => void;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Listens on `host` for drags that carry files; returns the function that stops listening. Enters and leaves are
 * counted: crossing from one child of `host` to another fires `dragenter` on the new child before `dragleave` on
 * the old one, so a single flag would switch the highlight off and on at every child border.
 */
export function listenForFileDrops(host: HTMLElement, options: FileDropOptions): () => void {
  let depth = 0;
  const setDepth = (next: number) => {
    const wasOver = depth > 0;
    depth = Math.max(0, next);
    if (depth > 0 !== wasOver) options.onDragging(depth > 0);
  };
  const over = (event: DragEvent) => {
    if (!carriesFiles(event) || !options.accepting()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const enter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    setDepth(depth + 1);
    over(event);
  };
  const leave = (event: DragEvent) => {
    if (carriesFiles(event)) setDepth(depth - 1);
  };
  const drop = (event: DragEvent) => {
    setDepth(0);
    if (!carriesFiles(event) || !options.accepting()) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) options.onFile(file);
  };
  const listeners = { dragenter: enter, dragover: over, dragleave: leave, drop } as const;
  for (const [type, listener] of Object.entries(listeners)) host.addEventListener(type, listener as EventListener);
  return () => {
    for (const [type, listener] of Object.entries(listeners)) host.removeEventListener(type, listener as EventListener);
    setDepth(0);
  };
}

/**
 * Refuses the file drops on `host` that nothing inside it took (a listener inside that takes one cancels it first):
 * otherwise the browser opens the file and the page is gone. `none` shows the refusing pointer, and with it the
 * browser sends no drop at all. Returns the function that stops refusing.
 */
export function refuseFileDrops(host: HTMLElement): () => void {
  const refuse = (event: DragEvent) => {
    if (event.defaultPrevented || !carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  const types = ['dragenter', 'dragover', 'drop'] as const;
  for (const type of types) host.addEventListener(type, refuse);
  return () => types.forEach((type) => host.removeEventListener(type, refuse));
}
