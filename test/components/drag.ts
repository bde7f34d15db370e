/** Drags as the browser fires them, for the element tests: composed, so they reach the hosts of the panels. */

/** The type of a drag event the tests fire. */
export type DragType = 'dragenter' | 'dragover' | 'dragleave' | 'drop';

/** A DataTransfer holding `file`, as a drag from the desktop carries it (its `types` include `Files`). */
export function fileTransfer(file: File): DataTransfer {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  return transfer;
}

/** Fires one drag event of `transfer` on `target` and returns it (to read `defaultPrevented` and `dropEffect`). */
export function fireDrag(target: EventTarget, type: DragType, transfer: DataTransfer): DragEvent {
  const event = new DragEvent(type, { dataTransfer: transfer, bubbles: true, composed: true, cancelable: type !== 'dragleave' });
  target.dispatchEvent(event);
  return event;
}

/**
 * Drags `transfer` onto `target` and drops it there; returns the dragover and the drop, cancelled or not. (Their
 * drop effect cannot be read here: a DataTransfer made by a script ignores it. The e2e tests drag for real.)
 */
export function dropOn(target: EventTarget, transfer: DataTransfer): { over: DragEvent; drop: DragEvent } {
  fireDrag(target, 'dragenter', transfer);
  const over = fireDrag(target, 'dragover', transfer);
  const drop = fireDrag(target, 'drop', transfer);
  return { over, drop };
}

/** A cancelable `beforeunload`, as the browser fires it before leaving the page; true when a listener objected. */
export function leavingIsGuarded(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}
