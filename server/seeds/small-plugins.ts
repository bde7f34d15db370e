/**
 * The newsroom's plugins for the `small` seed. Requirement mappings make plugins depend on plugins, including
 * cycles (the story editor's `attach-media` action is provided by the media library, whose `story-sidebar` portal
 * is provided by the story editor; wire desk ⇄ translation likewise).
 */
import type { JsonObject, PluginInput, Role } from '../../src/schemas.js';
import { svgIcon } from './icons.js';

const ALL: Role[] = ['admin', 'power-user', 'user', 'readonly'];
const EDITORS: Role[] = ['admin', 'power-user', 'user'];
const LEADS: Role[] = ['admin', 'power-user'];
const ADMINS: Role[] = ['admin'];

interface PluginDef {
  key: string;
  bundle: string;
  name: string;
  author: string;
  description?: string;
  color: string;
  /** permission id suffix → [label, description, roles] */
  permissions: [string, string, string, Role[]][];
  actions?: Record<string, string>;
  portals?: Record<string, string>;
  configuration: JsonObject;
}

/** The newsroom plugin set; `north` drops two and ships other versions. */
export const NEWSROOM_PLUGINS: PluginDef[] = [
  {
    key: 'wire', bundle: 'com.newsroom.wire-desk', name: 'Wire Desk', author: 'Newsroom Tools AB', color: '#1d4ed8',
    description: 'Incoming agency copy (AP, Reuters, AFP, dpa) with filters per desk.',
    permissions: [['read', 'Read wires', 'See incoming agency copy.', ALL], ['import', 'Import to story', 'Turn a wire item into a draft.', EDITORS]],
    actions: { translate: 'com.newsroom.translation', 'open-story': 'com.newsroom.story-editor' },
    configuration: { feeds: [{ agency: 'AP', region: 'world', priority: 1 }, { agency: 'dpa', region: 'de', priority: 2 }], refreshSeconds: 30, filters: { minUrgency: 3, exclude: ['sport-results'] } },
  },
  {
    key: 'editor', bundle: 'com.newsroom.story-editor', name: 'Story Editor', author: 'Newsroom Tools AB', color: '#0f766e',
    description: 'Write, edit and schedule stories. Supports "smart quotes" & <em>inline</em> markup.',
    permissions: [['write', 'Write stories', 'Create and edit drafts.', EDITORS], ['publish', 'Publish', 'Publish a story to the site.', LEADS], ['kill', 'Kill a story', 'Unpublish immediately.', ADMINS]],
    actions: { 'attach-media': 'com.newsroom.media-library', 'share-social': 'com.newsroom.social-publisher' },
    configuration: { editor: { spellcheck: ['en-GB', 'sv-SE', 'fr-FR'], autosaveSeconds: 15, wordCountTarget: { news: 400, feature: 1200 } }, templates: ['news', 'feature', 'opinion', 'live'] },
  },
  {
    key: 'media', bundle: 'com.newsroom.media-library', name: 'Media Library', author: 'PixelHouse GmbH', color: '#9333ea',
    permissions: [['browse', 'Browse media', 'Search photos and video.', ALL], ['upload', 'Upload', 'Add photos and video.', EDITORS], ['delete', 'Delete media', 'Remove media for good.', ADMINS]],
    portals: { 'story-sidebar': 'com.newsroom.story-editor' },
    configuration: { storage: { provider: 's3', bucket: 'newsroom-media', region: 'eu-north-1' }, renditions: [{ name: 'thumb', width: 320 }, { name: 'article', width: 1280 }], watermark: null },
  },
  {
    key: 'planner', bundle: 'com.newsroom.planning-board', name: 'Planning Board', author: 'Newsroom Tools AB', color: '#ea580c',
    description: 'Who covers what, when: assignments per desk and day.',
    permissions: [['view', 'View plan', 'See the planning board.', ALL], ['assign', 'Assign', 'Assign reporters and photographers.', LEADS]],
    actions: { 'open-story': 'com.newsroom.story-editor' },
    configuration: { desks: ['Politik', 'Kultur', 'Sport', 'Économie'], weekStartsOn: 1, colours: { urgent: '#dc2626', normal: '#2563eb' } },
  },
  {
    key: 'social', bundle: 'com.newsroom.social-publisher', name: 'Social Publisher', author: 'Buzzline Ltd', color: '#db2777',
    permissions: [['post', 'Post', 'Post to the newsroom accounts.', LEADS], ['schedule', 'Schedule posts', 'Queue posts for later.', EDITORS]],
    portals: { 'analytics-card': 'com.newsroom.audience-analytics' },
    configuration: { accounts: [{ network: 'mastodon', handle: '@southnews@press.example' }, { network: 'bluesky', handle: 'southnews.example' }], shortener: { enabled: true, domain: 'sn.example' } },
  },
  {
    key: 'analytics', bundle: 'com.newsroom.audience-analytics', name: 'Audience Analytics 📈', author: 'Metrico Oy', color: '#16a34a',
    permissions: [['view', 'View figures', 'See real-time audience figures.', EDITORS], ['export', 'Export', 'Download CSV exports.', LEADS]],
    configuration: { realtime: true, retentionDays: 90, goals: { pageviewsPerDay: 250000, subscriberConversions: 40 } },
  },
  {
    key: 'weather', bundle: 'com.meteo.widgets', name: 'Météo Widgets', author: 'Société Météo SARL', color: '#0891b2',
    description: 'Prévisions locales pour la une et les pages régionales.',
    permissions: [['view', 'Voir la météo', 'Afficher les prévisions.', ALL]],
    configuration: { locations: [{ name: 'Malmö', lat: 55.605, lon: 13.0038 }, { name: 'Zürich', lat: 47.3769, lon: 8.5417 }], units: 'metric' },
  },
  {
    key: 'translate', bundle: 'com.newsroom.translation', name: '翻訳 Translation', author: '株式会社ことば', color: '#b45309',
    description: '機械翻訳と用語集 — machine translation with a newsroom glossary.',
    permissions: [['use', 'Translate', 'Machine-translate a text.', EDITORS], ['glossary', 'Edit glossary', 'Change the shared glossary.', LEADS]],
    portals: { 'wire-panel': 'com.newsroom.wire-desk' },
    configuration: { engine: 'nmt-v4', pairs: [['ja', 'en'], ['ar', 'en'], ['sv', 'en']], glossary: { 首相: 'Prime Minister', 'مجلس النواب': 'House of Representatives' } },
  },
  {
    key: 'liveblog', bundle: 'com.newsroom.live-blog', name: 'Live Blog 🔴', author: 'Newsroom Tools AB', color: '#dc2626',
    permissions: [['post', 'Post updates', 'Add entries to a live blog.', EDITORS], ['pin', 'Pin entries', 'Pin an entry on top.', LEADS]],
    actions: { 'share-social': 'com.newsroom.social-publisher', 'attach-media': 'com.newsroom.media-library' },
    configuration: { maxEntries: 500, moderation: { enabled: true, words: ['spam'] }, embed: { twitter: false, youtube: true } },
  },
  {
    key: 'archive', bundle: 'com.newsroom.archive-search', name: 'أرشيف Archive Search', author: 'دار النشر', color: '#475569',
    description: 'بحث في الأرشيف منذ 1921 — full-text search in the archive since 1921.',
    permissions: [['search', 'Search archive', 'Full-text search.', ALL]],
    actions: { 'open-story': 'com.newsroom.story-editor' },
    configuration: { index: { since: 1921, languages: ['sv', 'en', 'ar'] }, ocr: { enabled: true, confidence: 0.82 } },
  },
  {
    key: 'chat', bundle: 'com.newsroom.team-chat', name: 'Team Chat', author: 'Chatter Inc.', color: '#4f46e5',
    permissions: [['chat', 'Chat', 'Send messages to desks.', ALL]],
    portals: { 'planner-chat': 'com.newsroom.planning-board' },
    configuration: { channels: ['#desk-news', '#desk-sport', '#nightshift'], retention: { days: 30 } },
  },
  {
    key: 'legacy', bundle: 'com.legacy.embed', name: '<img src=x onerror=alert(1)> Legacy Embed', author: '"><script>alert("author")</script>', color: '#78716c',
    description: 'Old embed tool. <script>alert("xss")</script> Must show as text, never run.',
    permissions: [['embed', '<b>Embed</b> code', 'Insert raw <iframe> embeds.', ADMINS]],
    actions: { 'embed-media': 'com.newsroom.media-library' },
    configuration: { allowedHosts: ['<svg onload=alert(2)>', 'video.example'], html: '<iframe src="javascript:alert(3)"></iframe>' },
  },
];

/** Builds a unit's plugins; north-news has no weather or chat plugin and older versions. */
export function buildNewsroomPlugins(variant: 'south' | 'north'): PluginInput[] {
  const defs = variant === 'south' ? NEWSROOM_PLUGINS : NEWSROOM_PLUGINS.filter((d) => d.key !== 'weather' && d.key !== 'chat');
  return defs.map((d, i) => ({
    bundle: d.bundle,
    name: d.name,
    version: variant === 'south' ? `${2 + (i % 3)}.${i}.1` : `1.${i}.0`,
    author: d.author,
    ...(d.description !== undefined ? { description: d.description } : {}),
    manifestUrl: `https://plugins.newsroom.example/${d.bundle}/manifest.json`,
    enabled: !(variant === 'north' && d.key === 'legacy'),
    configuration: d.configuration,
    permissions: d.permissions.map(([id, label, description]) => ({ id: `${d.key}.${id}`, label, description })),
    permissionMappings: Object.fromEntries(d.permissions.map(([id, , , roles]) => [`${d.key}.${id}`, roles])),
    requirementMappings: { actions: { ...d.actions }, portals: { ...d.portals } },
    ...(i % 5 === 4 ? {} : { icon: svgIcon(d.key.slice(0, 2).toUpperCase(), d.color) }),
  }));
}
