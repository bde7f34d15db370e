/**
 * Watching an engine's key work from a test, through WebCrypto itself (the real one: the spy only observes and, when
 * asked, holds a PBKDF2 result back before handing it on): when a PBKDF2 derivation is called and settles, and
 * which key slots are wrapped (an AES-GCM encrypt with additional data: payload chunks have none). Also records
 * the page's unhandled rejections, and counts format Workers started.
 */
import { SLOT_PASSWORD, SLOT_RECOVERY_KEY } from '../../src/format/header-v2.js';

/** What {@link watchKeyWork} has seen. */
export interface KeyWork {
  /** Resolves when the first PBKDF2 `deriveKey` is called. */
  called: Promise<void>;
  /** Resolves once the first PBKDF2 has settled and its result was handed on (after {@link release} if gated). */
  settled: Promise<void>;
  /** Slot types wrapped so far, in order (0x01 password, 0x02 recovery key), counted once the wrap resolved. */
  wrapped: number[];
  /** Resolves once `count` slots are wrapped. */
  whenWrapped(count: number): Promise<void>;
  /** Hands on a gated PBKDF2 result. */
  release(): void;
  /** Unhandled rejections seen on this page since the watch began. */
  unhandled: unknown[];
  /**
   * Format Workers constructed since the watch began (`first` resolves when the first one is), and the messages
   * posted to them that are not a stream's start: data to compress or decompress.
   */
  workers: { created: number; first: Promise<void>; writes: number };
  stop(): void;
}

/** Starts watching. `gate`: hold the first PBKDF2 result until {@link KeyWork.release}. */
export function watchKeyWork(o: { gate?: boolean } = {}): KeyWork {
  const subtle = SubtleCrypto.prototype;
  const { deriveKey, encrypt } = subtle;
  let onCalled!: () => void;
  let onSettled!: () => void;
  let open!: () => void;
  const called = new Promise<void>((resolve) => (onCalled = resolve));
  const settled = new Promise<void>((resolve) => (onSettled = resolve));
  const gate = o.gate ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  if (!o.gate) open = () => undefined;
  let seen = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  let onWorker!: () => void;
  const work: KeyWork = {
    called,
    settled,
    wrapped: [],
    whenWrapped: (count) =>
      work.wrapped.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    release: () => open(),
    unhandled: [],
    workers: { created: 0, first: new Promise<void>((resolve) => (onWorker = resolve)), writes: 0 },
    stop() {
      subtle.deriveKey = deriveKey;
      subtle.encrypt = encrypt;
      globalThis.Worker = OriginalWorker;
      removeEventListener('unhandledrejection', onUnhandled);
    },
  };
  subtle.deriveKey = function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['deriveKey']>) {
    const result = deriveKey.apply(this, args);
    if ((args[0] as Algorithm).name !== 'PBKDF2' || seen++ > 0) return result;
    onCalled();
    const handedOn = result.then(
      async (key) => (await gate, key),
      async (error) => {
        await gate;
        throw error;
      },
    );
    void handedOn.finally(onSettled).catch(() => undefined);
    return handedOn;
  } as SubtleCrypto['deriveKey'];
  subtle.encrypt = function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['encrypt']>) {
    const result = encrypt.apply(this, args);
    const ad = (args[0] as AesGcmParams).additionalData;
    if (!ad) return result;
    const type = new Uint8Array(ArrayBuffer.isView(ad) ? ad.buffer.slice(ad.byteOffset, ad.byteOffset + 1) : ad)[0]!;
    if (type !== SLOT_PASSWORD && type !== SLOT_RECOVERY_KEY) return result;
    return result.then((sealed) => {
      work.wrapped.push(type);
      for (const w of waiters.filter((w) => work.wrapped.length >= w.count)) w.resolve();
      return sealed;
    });
  } as SubtleCrypto['encrypt'];
  const onUnhandled = (event: PromiseRejectionEvent) => work.unhandled.push(event.reason);
  addEventListener('unhandledrejection', onUnhandled);
  const OriginalWorker = globalThis.Worker;
  globalThis.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      work.workers.created++;
      onWorker();
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      if ((message as { type?: string }).type === 'write') work.workers.writes++;
      super.postMessage(message, transfer as Transferable[]);
    }
  };
  return work;
}

/**
 * Lets the page run a few whole tasks, so that a rejection left unhandled by what just settled has been reported
 * (browsers report them after the microtask checkpoint, from a task). Turns of the event loop, not a wait for time.
 */
export async function afterPendingReports(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }
}
