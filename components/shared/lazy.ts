/**
 * Parts of an element that arrive in a chunk of their own (a panel and the engines it needs): fetched by a dynamic
 * `import()` when the part is first shown, or earlier when the pointer or focus reaches the control that shows it
 * (the element calls {@link LazyParts.load}), so a click seldom waits. Not on idle: a page that never opens a step
 * never downloads it. Keeps what a page downloads before the first step small (README, "The package"); in the ESM
 * build the app's bundler makes the same split.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { BackupError } from '../../src/errors.js';
import type { Localizer } from './l10n/localizer.js';
import { describeError } from './messages.js';
import { renderAlert } from './notices.js';

type State = 'loading' | 'ready' | BackupError;

/** Where each part's chunk comes from: a function that calls `import()` with a literal path (esbuild splits there). */
export type PartLoaders<K extends string> = Readonly<Record<K, () => Promise<unknown>>>;

/**
 * Loads parts on demand for one element and re-renders it when a part arrives or fails. A part that cannot be
 * fetched (offline, a 404, a Content-Security-Policy that blocks it) becomes a {@link BackupError}
 * `CHUNK_LOAD_FAILED`: the element shows that sentence instead of the part, and since the part is not there, none
 * of its requests to the Dashboard are sent.
 */
export class LazyParts<K extends string> implements ReactiveController {
  private readonly states = new Map<K, State>();
  private readonly pending = new Map<K, Promise<boolean>>();
  private readonly onFailure: (part: K, error: BackupError) => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly loaders: PartLoaders<K>,
    options: {
      /** Told once per failed fetch, e.g. to fire the element's error event. */
      onFailure?: (part: K, error: BackupError) => void;
    } = {},
  ) {
    this.onFailure = options.onFailure ?? (() => {});
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts fetching `part` (once; again after a failure); resolves to true once it is defined, false if it failed. */
  load(part: K): Promise<boolean> {
    const known = this.pending.get(part);
    if (known && !(this.states.get(part) instanceof BackupError)) return known;
    this.states.set(part, 'loading');
    const pending = this.loaders[part]().then(
      () => this.settle(part, 'ready'),
      (cause: unknown) =>
        this.settle(part, new BackupError('CHUNK_LOAD_FAILED', `the "${part}" part of ${this.host.localName} could not be loaded`, { cause })),
    );
    this.pending.set(part, pending);
    return pending;
  }

  /** Resolves once `part` is defined (true) or its chunk failed (false), and the host has rendered it. */
  async whenReady(part: K): Promise<boolean> {
    const ok = await this.load(part);
    await this.host.updateComplete;
    return ok;
  }

  /** True once `part` is defined; otherwise starts fetching it. */
  ready(part: K): boolean {
    const state = this.states.get(part);
    if (state === 'ready') return true;
    if (state === undefined) void this.load(part);
    return false;
  }

  /** The failure of `part`'s chunk, if it failed. */
  failure(part: K): BackupError | undefined {
    const state = this.states.get(part);
    return state instanceof BackupError ? state : undefined;
  }

  /**
   * `render()` once `part` is in; until then a localized busy line, or the CHUNK_LOAD_FAILED sentence if its chunk
   * could not be fetched.
   */
  render(part: K, l: Localizer, render: () => unknown): unknown {
    if (this.ready(part)) return render();
    const failure = this.failure(part);
    return failure ? renderAlert(describeError(failure, l.t, l.lang)) : renderBusy(l);
  }

  private settle(part: K, state: State): boolean {
    this.states.set(part, state);
    this.host.requestUpdate();
    if (state instanceof BackupError) this.onFailure(part, state);
    return state === 'ready';
  }
}

/** The busy line shown while a part is being fetched. */
export function renderBusy(l: Localizer): TemplateResult {
  return html`<p class="muted" role="status" aria-busy="true">${l.t.loadingPart}</p>`;
}
