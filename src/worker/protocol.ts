/**
 * The messages between the page and the format Worker (src/format-worker.ts). One stream at a time per Worker:
 * `start` opens it, each `write` gets exactly one `output` (or a `fail`, after which the Worker is dropped).
 * Byte arrays travel as transferred buffers, never copies. Both sides validate what they receive.
 */
import * as z from 'zod/mini';

// Typed as any Uint8Array (z.instanceof would narrow it to Uint8Array<ArrayBuffer>).
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

/** Page → Worker. (z.union, not z.discriminatedUnion: the same check here, 1.4 KiB less in each bundle.) */
export const ToWorker = z.union([
  /** Opens a compressing stream at this DEFLATE level. */
  z.object({ type: z.literal('deflate'), level: z.number() }),
  /** Opens a decompressing stream that refuses output past `limit` bytes. */
  z.object({ type: z.literal('inflate'), limit: z.number() }),
  /** The next slice (deflate) or opened chunk (inflate); the last one is `final`, which ends the stream. */
  z.object({ type: z.literal('write'), bytes: Bytes, final: z.boolean() }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** Worker → page. */
export const FromWorker = z.union([
  /** Sent once, when the Worker's module has loaded: only then is anything transferred to it. */
  z.object({ type: z.literal('ready') }),
  /** The output of one write; `count`: input consumed (deflate) or output produced (inflate) so far. */
  z.object({ type: z.literal('output'), parts: z.array(Bytes), count: z.number() }),
  /** The stream failed: `limit` (output past the limit), `invalid` (not raw DEFLATE), `internal` (anything else). */
  z.object({
    type: z.literal('fail'),
    reason: z.enum(['limit', 'invalid', 'internal']),
    message: z.string(),
  }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

/** The buffers of `parts` to transfer with a message. */
export function transferList(parts: readonly Uint8Array[]): ArrayBuffer[] {
  return parts.map((part) => part.buffer as ArrayBuffer);
}

/**
 * `bytes` as a view that owns its whole buffer, so transferring the buffer moves exactly these bytes: fflate and
 * callers may hand out views into larger buffers, which are copied once here (transferring them would detach the
 * rest of the buffer).
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
