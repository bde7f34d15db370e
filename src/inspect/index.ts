/** The offline inspector's pure helpers: open + validate, search, pagination, diff, JSON export. No DOM. */
export { openInspectedBackup, parseBackupPayload, countPayload } from './open.js';
export type { IndexedBackup, InspectedBackup, InspectOptions, InspectProgress } from './open.js';
export { PAGE_SIZE, SECTION_NAMES, buildSearchIndex, parseQuery, filterIndex, slicePage, mapWorkspaceNames } from './search.js';
export type { SectionName, SearchIndex, PageSlice } from './search.js';
export { diffBackups, stringifyStable } from './diff.js';
export type { BackupDiff, SectionDiff, DiffEntry, ManifestChange } from './diff.js';
export { serializeBackupJson, createBackupJsonBlob, suggestJsonFilename, JSON_MEDIA_TYPE } from './export-json.js';
export { readPayloadLeniently, createEmptyExtras } from './lenient.js';
export type { Extras } from './lenient.js';
export { formatIssuePath } from './messages.js';
