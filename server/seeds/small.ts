/**
 * The `small` seed: a newsroom's Dashboard as the demo and most tests see it, in two units that differ. Names
 * mix accents, CJK, emoji, right-to-left text and HTML-looking strings, to prove nothing is rendered unescaped.
 */
import type { Application, JsonObject, Plugin, PluginInput, Profile, Role, UnitState, Workspace } from '../../src/schemas.js';
import { createPicker, type Picker } from '../prng.js';
import type { SeedUnit } from './index.js';
import { buildNewsroomKeys } from './small-keys.js';
import { buildNewsroomPlugins } from './small-plugins.js';

const WORKSPACE_NAMES = [
  'Front page', 'Breaking news 🚨', 'Politics desk', 'Économie & Finance', 'Sport', 'Kultur och nöje', 'Weather',
  'Night shift 🌙', 'Photo desk', 'Video desk', 'Social media', 'Investigations', 'Opinion', 'Local — Malmö',
  '東京支局 Tokyo bureau', 'مكتب القاهرة Cairo bureau', 'Archive research', 'Elections 2026 🗳️', 'Podcasts',
  'Newsletter', 'Fact check ✅', '<img src=x onerror=alert(1)>', 'Trainee corner', 'Zürich café', 'Homepage A/B tests',
];
const LAYOUTS = ['one-column', 'two-columns', 'three-columns', 'grid'];
const OWNERS = ['admin', 'editor', 'u_marta', 'u_kenji', 'u_leila', 'u_olof'];
const COLORS = ['#1d4ed8', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#475569'];

const PROFILES: [string, Role[]][] = [
  ['Reporters', ['user']],
  ['Editors-in-chief', ['admin', 'power-user']],
  ['Photo desk', ['user', 'power-user']],
  ['Night shift 🌙', ['user']],
  ['Rédaction Sport', ['user']],
  ['編集部 Editorial', ['power-user']],
  ['مكتب الأخبار News office', ['user', 'readonly']],
  ['<script>alert("profile")</script>', ['readonly']],
];

/** A nested application config, as the plugin's own settings UI would save it. */
function buildAppConfig(pick: Picker, plugin: PluginInput, title: string): JsonObject {
  return {
    title,
    view: { mode: pick.pick(['list', 'cards', 'compact']), pageSize: pick.int(5, 50), sort: { by: 'updated', descending: pick.chance(0.7) } },
    filters: { desks: pick.chance(0.5) ? ['news', 'sport'] : [], tags: [pick.pick(['breaking', 'local', 'världen', '国際', 'محلي'])] },
    source: { bundle: plugin.bundle, refreshSeconds: pick.pick([15, 30, 60, 300]), fallback: null },
  };
}

function buildUnit(variant: 'south' | 'north', seed: number): UnitState {
  const pick = createPicker(seed);
  const tag = variant === 'south' ? 's' : 'n';
  const pluginInputs = buildNewsroomPlugins(variant);
  const plugins: Plugin[] = pluginInputs.map((p, i) => ({ id: `pl_${tag}${String(i + 1).padStart(2, '0')}`, ...p }));
  let appCounter = 0;
  const names = variant === 'south' ? WORKSPACE_NAMES : WORKSPACE_NAMES.slice(0, 22);
  const workspaces: Workspace[] = names.map((name, i) => {
    const count = pick.int(1, 5);
    const applications: Application[] = [];
    for (let a = 0; a < count; a++) {
      const plugin = pick.pick(pluginInputs);
      applications.push({
        id: `app_${tag}${String(++appCounter).padStart(3, '0')}`,
        plugin: plugin.bundle,
        column: a % 3,
        position: Math.floor(a / 3),
        config: buildAppConfig(pick, plugin, `${plugin.name} — ${name}`),
      });
    }
    return {
      id: `ws_${tag}${String(i + 1).padStart(2, '0')}`,
      name: variant === 'north' && i === 0 ? 'Forside (Nord)' : name,
      owner: pick.pick(OWNERS),
      shared: pick.chance(0.6),
      layout: pick.pick(LAYOUTS),
      icon: { text: [...name][0] ?? '?', color: pick.pick(COLORS), ...(i % 6 === 0 ? { image: plugins[i % plugins.length]?.icon ?? '' } : {}) },
      applications,
    };
  });
  const profiles: Profile[] = PROFILES.map(([name, roles], i) => {
    const listed = new Set<string>();
    const count = pick.int(2, 7);
    for (let k = 0; k < count; k++) listed.add(pick.pick(workspaces).id);
    return { id: `pr_${tag}${String(i + 1).padStart(2, '0')}`, name, roles, workspaces: [...listed] };
  });
  // one workspace stays unlisted by any profile and unused plugins exist, so deletes can succeed in the demo
  return { plugins, workspaces, profiles, keys: buildNewsroomKeys(pick, variant === 'south' ? 'south' : 'north') };
}

/** Builds the `small` seed's two units. */
export function buildSmallSeed(): SeedUnit[] {
  return [
    { ref: { id: 'south-news', name: 'South News' }, state: buildUnit('south', 20260101) },
    { ref: { id: 'north-news', name: 'North News' }, state: buildUnit('north', 20260202) },
  ];
}
