/**
 * Performs single restore steps against the Dashboard, and reconciles steps that an earlier page started but did
 * not see finish: DELETE and PUT are simply repeated (a 404 on delete counts as done); a create is first looked
 * up by its natural key (bundle; name + owner; profile name — with equal content, and not already claimed by
 * another step), and only when it is not there is it sent again, with the same Idempotency-Key. So neither a
 * lost response nor a server that has forgotten the key can produce a duplicate; and when the server answers
 * with an entity a look-alike step has claimed, the step takes or creates another one (createFree).
 */
import type { DashboardClient } from '../api/index.js';
import type { OrderedCollection } from '../api/client.js';
import { BackupError, isBackupError } from '../errors.js';
import type {
  PluginInput,
  PluginSummary,
  Profile,
  ProfileInput,
  UnitState,
  WorkspaceInput,
  Workspace,
  WorkspaceSummary,
} from '../schemas.js';
import { canonicalJson, workspaceContent, workspaceKey } from './compare.js';
import type { PerformStep } from './execute.js';
import { toPluginInput, toProfileInput, toWorkspaceInput, withoutServerOwned } from './inputs.js';
import type { StepRecord } from './journal.js';
import { createStepId, type Step } from './steps.js';

const EMPTY_MAPPINGS = { actions: {}, portals: {} };
/** Creates one step may send before giving up (see createFree: more than one only after a look-alike mix-up). */
const MAX_CREATE_ATTEMPTS = 20;

/** What the performer needs to know. */
export interface PerformerContext {
  client: DashboardClient;
  unit: string;
  /** The unit as it was when the run started (what the wipe deletes). */
  base: UnitState;
  /** What the run creates. */
  source: UnitState;
  steps: Step[];
  records: Map<string, StepRecord>;
  /** Source workspace id → live id of a workspace adopted instead of created (converge.ts). */
  adoptedWorkspaces?: Map<string, string>;
  /**
   * Filled with every workspace a create of this page was answered with (or found in full when reconciling), by
   * id: verification takes them as read (restore.ts), since no route changes a workspace in place.
   */
  seenWorkspaces?: Map<string, Workspace>;
  /** Live ids of the entities kept in place at the head of each collection (converge.ts): a reorder lists them first. */
  kept?: Partial<Record<OrderedCollection, string[]>>;
  signal?: AbortSignal;
}

/** Server lists read once, before any step of this page runs, to reconcile steps an earlier page started. */
interface Existing {
  plugins?: PluginSummary[];
  workspaces?: WorkspaceSummary[];
  profiles?: Profile[];
}

const collectionOf = (stepId: string): string | undefined => /^create-(plugin|workspace|profile)-/.exec(stepId)?.[1];

/**
 * Builds the step performer. When the journal has create steps marked "started", reads the lists needed to
 * reconcile them first — before this page sends anything — so no entity created by this page is mistaken for one
 * created by the last.
 */
export async function createPerformer(ctx: PerformerContext): Promise<PerformStep> {
  const { client, unit, base, source, records } = ctx;
  const claimed = new Set<string>();
  for (const r of records.values()) {
    const c = collectionOf(r.step);
    if (c && r.status === 'done' && r.newId) claimed.add(`${c}:${r.newId}`);
  }
  const started = new Set([...records.values()].filter((r) => r.status === 'started').map((r) => collectionOf(r.step)));
  const signal = ctx.signal;
  const existing: Existing = {};
  await Promise.all([
    started.has('plugin') && client.listPlugins(unit, { signal }).then((l) => (existing.plugins = l)),
    started.has('workspace') && client.listWorkspaces(unit, { signal }).then((l) => (existing.workspaces = l)),
    started.has('profile') && client.listProfiles(unit, { signal }).then((l) => (existing.profiles = l)),
  ]);

  const wsIndexById = new Map(source.workspaces.map((w, i) => [w.id, i]));
  const newIdOf = (stepId: string): string => {
    const id = ctx.records.get(stepId)?.newId;
    if (!id) throw new BackupError('IMPORT_INCOMPLETE', 'The import journal lacks the new id of an entity it created.');
    return id;
  };
  const claim = (collection: string, id: string): string => {
    claimed.add(`${collection}:${id}`);
    return id;
  };
  const isFree = (collection: string, id: string): boolean => !claimed.has(`${collection}:${id}`);

  // Bodies as the backup holds them, unknown fields included, minus server-owned fields (inputs.ts).
  const pluginInput = (i: number, withMappings: boolean): PluginInput => {
    const input = toPluginInput(source.plugins[i]!);
    return withMappings ? input : { ...input, requirementMappings: EMPTY_MAPPINGS };
  };
  const workspaceInput = (i: number): WorkspaceInput => toWorkspaceInput(source.workspaces[i]!);
  const profileInput = (i: number): ProfileInput => {
    const p = source.profiles[i]!;
    const workspaces = p.workspaces.map(
      (id) => ctx.adoptedWorkspaces?.get(id) ?? newIdOf(createStepId('workspace', wsIndexById.get(id)!)),
    );
    return toProfileInput(p, workspaces);
  };

  const findPlugin = (input: PluginInput): string | undefined => {
    const hit = existing.plugins?.find((p) => p.bundle === input.bundle && isFree('plugin', p.id));
    return hit && claim('plugin', hit.id);
  };
  const findWorkspace = async (input: WorkspaceInput, s: AbortSignal): Promise<string | undefined> => {
    const key = workspaceKey(input);
    const candidates = existing.workspaces?.filter((w) => workspaceKey(w) === key && isFree('workspace', w.id)) ?? [];
    const wanted = workspaceContent(input);
    const details = await Promise.all(candidates.map((c) => client.getWorkspace(unit, c.id, { signal: s })));
    for (const d of details) ctx.seenWorkspaces?.set(d.id, d);
    const hit = details.find((d) => isFree('workspace', d.id) && workspaceContent(d) === wanted);
    return hit && claim('workspace', hit.id);
  };
  const findProfile = (input: ProfileInput): string | undefined => {
    const wanted = canonicalJson(input);
    const hit = existing.profiles?.find(
      (p) => isFree('profile', p.id) && canonicalJson(withoutServerOwned(p)) === wanted,
    );
    return hit && claim('profile', hit.id);
  };
  /**
   * POSTs a create under the step's Idempotency-Key and claims what comes back. When that is an entity another step
   * has claimed already, the server replayed this step's earlier request, whose entity a look-alike step (equal
   * content, its own request lost before it arrived) took by natural key: then this step takes a free look-alike,
   * or creates a fresh one under a key of its own — so two look-alikes never end up as one entity.
   */
  const createFree = async (
    collection: string,
    key: string,
    create: (idempotencyKey: string) => Promise<{ id: string }>,
    find: () => Promise<string | undefined>,
  ): Promise<string> => {
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const { id } = await create(attempt === 0 ? key : `${key}-${attempt}`);
      if (isFree(collection, id)) return claim(collection, id);
      const found = await find();
      if (found) return found;
    }
    throw new BackupError('IMPORT_INCOMPLETE', 'The Dashboard keeps answering a create with an entity another step already has.');
  };
  const ignoreGone = async (request: Promise<unknown>): Promise<void> => {
    try {
      await request;
    } catch (error) {
      if (!isBackupError(error, 'NOT_FOUND')) throw error;
    }
  };

  return async (step, { reconcile, idempotencyKey, signal: s }) => {
    const o = { signal: s };
    const i = step.index;
    switch (step.kind) {
      case 'deleteProfile':
        return void (await ignoreGone(client.deleteProfile(unit, base.profiles[i]!.id, o)));
      case 'deleteWorkspace':
        return void (await ignoreGone(client.deleteWorkspace(unit, base.workspaces[i]!.id, o)));
      case 'unmapPlugin':
        return void (await ignoreGone(client.setPluginMappings(unit, base.plugins[i]!.id, EMPTY_MAPPINGS, o)));
      case 'deletePlugin':
        return void (await ignoreGone(client.deletePlugin(unit, base.plugins[i]!.id, o)));
      case 'deleteKey':
        return void (await ignoreGone(client.deleteKey(unit, base.keys[i]!.key, o)));
      case 'putKey':
        return void (await client.putKey(unit, source.keys[i]!, o));
      case 'mapPlugin':
        return void (await client.setPluginMappings(unit, newIdOf(createStepId('plugin', i)), source.plugins[i]!.requirementMappings, o));
      case 'createPlugin': {
        const input = pluginInput(i, step.withMappings !== false);
        const find = async (): Promise<string | undefined> => findPlugin(input);
        const create = (key: string) => client.createPlugin(unit, input, { ...o, idempotencyKey: key });
        return (reconcile ? await find() : undefined) ?? (await createFree('plugin', idempotencyKey, create, find));
      }
      case 'createWorkspace': {
        const input = workspaceInput(i);
        const find = (): Promise<string | undefined> => findWorkspace(input, s);
        const create = async (key: string): Promise<Workspace> => {
          const created = await client.createWorkspace(unit, input, { ...o, idempotencyKey: key });
          ctx.seenWorkspaces?.set(created.id, created);
          return created;
        };
        return (reconcile ? await find() : undefined) ?? (await createFree('workspace', idempotencyKey, create, find));
      }
      case 'createProfile': {
        const input = profileInput(i);
        const find = async (): Promise<string | undefined> => findProfile(input);
        const create = (key: string) => client.createProfile(unit, input, { ...o, idempotencyKey: key });
        return (reconcile ? await find() : undefined) ?? (await createFree('profile', idempotencyKey, create, find));
      }
      case 'reorder': {
        // Every entity of the collection was kept in place at its head or created by this run (the wipe removed
        // the rest): the kept ids, then the new ids in the backup's order. A Dashboard that changed meanwhile answers 409 and the step fails (resume retries).
        const collection = step.collection!;
        const kind = collection === 'plugins' ? 'plugin' : collection === 'workspaces' ? 'workspace' : 'profile';
        const ids = [...(ctx.kept?.[collection] ?? []), ...source[collection].map((_, n) => newIdOf(createStepId(kind, n)))];
        if (!client.setOrder) throw new BackupError('IMPORT_INCOMPLETE', 'This Dashboard client cannot set the order of a list; resume with the client that began the import.');
        return void (await client.setOrder(unit, collection, ids, o));
      }
      case 'gate':
        return undefined;
    }
  };
}
