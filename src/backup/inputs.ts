/**
 * The bodies a restore sends: each entity exactly as the backup holds it, minus the fields the Dashboard owns
 * (SERVER_OWNED_FIELDS on the entity and on each application) and, for a key, its name (which goes in the path).
 * Unknown fields travel as read. Built with spreads and `Object.fromEntries`, which create own properties, so a
 * `__proto__` field is sent as a field.
 */
import { withoutServerOwned } from '../fields.js';
import { type KeyEntry, type KeyValueInput, type Plugin, type PluginInput, type Profile, type ProfileInput, type Workspace, type WorkspaceInput } from '../schemas.js';

export { withoutServerOwned };

/** Body of the plugin's create. */
export const toPluginInput = (p: Plugin): PluginInput => withoutServerOwned(p);

/** Body of the workspace's create: its applications without their server-owned fields either. */
export function toWorkspaceInput(w: Workspace): WorkspaceInput {
  return { ...withoutServerOwned(w), applications: w.applications.map((a) => withoutServerOwned(a)) };
}

/** Body of the profile's create, its workspace ids replaced by `workspaces` (the new ids, in the same order). */
export function toProfileInput(p: Profile, workspaces: string[]): ProfileInput {
  return { ...withoutServerOwned(p), workspaces };
}

/** Body of the key's PUT: everything but its name and server-owned fields. */
export function toKeyInput(k: KeyEntry): KeyValueInput {
  const { key: _key, ...rest } = withoutServerOwned(k);
  return rest;
}
