/**
 * The English catalog: the source of every key (a {@link Catalog} is its shape) and the fallback of every other
 * language. A function takes the parts a sentence puts in place (names arrive already isolated for bidi); a
 * {@link Plural} has one form per plural category, `#` being the number.
 */
import { html } from 'lit';
import type { BackupErrorCode } from '../../../src/errors.js';
import type { Phase } from '../engine.js';
import type { Part } from './catalog.js';
import { enFacts } from './en-facts.js';
import { enInspector } from './en-inspector.js';
import { enSchemaProblems } from './en-problems.js';
import { enSelective } from './en-selective.js';

const errors: Record<BackupErrorCode, string> = {
  PASSWORD_TOO_SHORT: 'The password must be at least 4 characters long.',
  INVALID_OPTIONS:
    'The backup tool on this page is set up incorrectly. Ask the person who maintains this Dashboard page to check it.',
  INSECURE_CONTEXT:
    'Backups need a secure connection: open this Dashboard page over https:// (or http://localhost), then try again.',
  CHUNK_LOAD_FAILED:
    'A part of the backup tool could not be downloaded (offline, or blocked or missing on the server). Check the connection and reload the page; if it happens again, ask the person who maintains this Dashboard page to serve the whole dashboard-backup folder, chunks/ included.',
  WORKER_FAILED:
    'The browser stopped the background task that compresses and decompresses the backup (often for lack of memory). Close other tabs and try again; nothing was sent to the Dashboard by this step.',
  NOT_A_BACKUP:
    'This file is not a Dashboard backup. If it is a file Export saved, its beginning is damaged: use another copy.',
  UNSUPPORTED_VERSION:
    'This backup was made by a newer version of Dashboard Backup. Update this Dashboard, then open the file again.',
  KDF_OUT_OF_RANGE:
    'This file’s encryption settings are outside the safe range, so it was not opened. It may have been tampered with: use another copy.',
  WRONG_PASSWORD: 'The password does not open this backup. Check it (it is case-sensitive) and try again.',
  WRONG_RECOVERY_KEY:
    'This recovery key does not open this backup. Check that it is the key of this backup’s emergency kit, or use the password.',
  INVALID_RECOVERY_KEY:
    'The recovery key has a typo: one group does not match its check character. Compare each group with the emergency kit.',
  NO_USABLE_KEY_SLOT:
    'This backup cannot be opened that way: it has no password, or no recovery key, of the kind you gave. Try the other one.',
  CORRUPT_FILE: 'The backup file is damaged or incomplete. Use another copy, or download it again.',
  FILE_UNREADABLE:
    'The file could not be read: it may have been changed, moved or deleted since you chose it. Choose it again.',
  TOO_LARGE: 'This backup is too large to open in this browser. Try a browser on a computer with more memory.',
  INVALID_BACKUP: 'The backup opened, but its content is not valid, so it cannot be restored. Use another backup.',
  NEWER_BACKUP:
    'This backup holds sections this version of Dashboard Backup does not know: a newer version made it. Update this Dashboard, then open the file again.',
  UNAUTHENTICATED: 'You are not signed in to the Dashboard (or your session has ended). Sign in, then retry.',
  NOT_ADMIN: 'Only administrators of this unit can back it up or restore it. Ask an administrator to do it.',
  NOT_FOUND: 'Something this step needs no longer exists on the Dashboard. Reload the page and try again.',
  CONFLICT:
    'The Dashboard refused a change that conflicts with its current data (someone may be editing this unit). Reload the page and try again.',
  INVALID: 'The Dashboard rejected some of the data as invalid. Validate the backup again; if it persists, use another backup.',
  RATE_LIMITED: 'The Dashboard is receiving too many requests. Wait a minute, then try again.',
  NETWORK: 'The Dashboard cannot be reached. Check your network connection, then try again.',
  SERVER: 'The Dashboard reported an internal error. Try again in a few minutes; if it persists, contact its administrator.',
  BAD_RESPONSE:
    'The Dashboard sent an answer this tool does not understand; it may be a different version. Contact its administrator.',
  UNIT_CHANGED_DURING_READ:
    'Someone changed this unit while it was being read, again and again, so no consistent copy could be made. Nothing was changed. Try again when nobody is editing the unit.',
  ABORTED: 'The operation was cancelled.',
  UNIT_MISMATCH: 'This backup comes from another unit. Type this unit’s name to confirm that it should be replaced.',
  DANGLING_REFERENCE:
    'The backup refers to items it does not contain, so it cannot be restored safely. Use another backup.',
  UNWRITABLE_BACKUP:
    'Some items of this backup cannot be sent to the Dashboard (see the preview), so nothing was changed. Fix them at the source, export again, and use that backup.',
  PLAN_CHANGED: 'This unit changed after you validated the backup. Validate it again to review the changes, then import.',
  IMPORT_INCOMPLETE:
    'The import stopped before it finished. Nothing is lost: resume it, or roll back to the safety snapshot.',
  IMPORT_RUNNING:
    'This unit is being restored in another tab or window of this browser. Let it finish there, then try again.',
  UNIT_LOCKED:
    'Another administrator is restoring this unit from another browser. Wait until they have finished, then check again.',
  RESUME_NEEDS_REVIEW:
    'This unit changed since the import started, and continuing would delete or overwrite someone else’s work. Review the changes, then confirm.',
  VERIFY_FAILED:
    'The import finished, but the unit does not match the backup exactly. Download the safety snapshot and contact your administrator.',
  JOURNAL_UNAVAILABLE:
    'This browser cannot store the import’s safety data (private window or full storage?). Use a normal window with free disk space.',
};

const phases: Record<Phase, string> = {
  session: 'Checking your session',
  fetch: 'Reading the unit',
  encrypt: 'Encrypting',
  decrypt: 'Decrypting',
  validate: 'Checking the content',
  plan: 'Comparing with this unit',
  preflight: 'Checking before changing anything',
  snapshot: 'Taking a safety snapshot',
  wipe: 'Removing the current content',
  create: 'Creating the backup’s content',
  verify: 'Verifying the result',
  rollback: 'Restoring the safety snapshot',
  done: 'Done',
};

export const en = {
  errors,
  unknownError: 'Something unexpected went wrong. Reload the page and try again.',
  lockedBy: (holder: string, since: string) =>
    `${holder} has been restoring this unit from another browser since ${since}. Wait until they have finished, then check again.`,
  phases,
  progressOf: (label: string, done: string, total: string) => `${label}: ${done} of ${total}`,
  starting: 'Starting…',
  sizeUnits: ['bytes', 'KB', 'MB', 'GB'],
  plugins: { one: '# plugin', other: '# plugins' },
  workspaces: { one: '# workspace', other: '# workspaces' },
  profiles: { one: '# profile', other: '# profiles' },
  keyStoreConfigs: { one: '# config in key store', other: '# configs in key store' },
  differences: { one: '# difference', other: '# differences' },
  cancel: 'Cancel',
  continue: 'Continue',
  // export
  exportHeading: (unit: Part) => html`Export ${unit}`,
  exportIntro:
    'Saves every plugin, workspace, profile and config in key store of this unit to an encrypted file on this computer. Choose the password that will protect it.',
  password: 'Password',
  confirmPassword: 'Confirm the password',
  passwordsDiffer: 'The two passwords are not the same.',
  strengthHints: {
    'too-short': 'At least 4 characters.',
    weak: 'Weak: easy to guess. A few random words make a stronger password.',
    fair: 'Fair: make it longer to be safer.',
    strong: 'Strong.',
  },
  keepPasswordSafe: 'Keep this password safe.',
  keepPasswordSafeWhy:
    'It cannot be recovered: without it (or a recovery key) nobody, not even an administrator, can open the backup.',
  weakPasswordWarning:
    'This password is weak: anyone who gets the file could guess it. Choose a longer one — a few random words. ' +
    'Afraid of forgetting it? Add a recovery key: it opens the backup if the password is lost.',
  addRecoveryKey: 'Add a recovery key',
  addRecoveryKeyHint:
    'A second way to open this backup, for when the password is forgotten: print it or save it, and keep it safe.',
  recoveryKeyNotSaved:
    'Print the emergency kit or save it as a text file, then tick the box to confirm (or enter the recovery key you already have).',
  exportButton: 'Export',
  exportingNow: (unit: string) => `Exporting ${unit}…`,
  exportingHeading: (unit: Part) => html`Exporting ${unit}`,
  exportProgress: 'Export progress',
  exportCancelled: 'Export cancelled. Nothing was downloaded.',
  backupReady: 'Backup ready',
  backupReadyAnnouncement: (file: string) => `Backup ready: ${file}.`,
  exportDone: (file: Part, size: string, counts: string) =>
    html`${file} (${size}) was saved to your downloads. It holds ${counts}.`,
  keepApart: 'Keep the file and its password in separate safe places.',
  keepKitApart: 'It also opens with the recovery key of the emergency kit: keep that apart from both.',
  downloadAgain: 'Download again',
  exportAgain: 'Make another backup',
  // import
  importHeading: (unit: Part) => html`Import a backup into ${unit}`,
  importIntro: (file: Part) =>
    html`Choose a ${file} file and enter its password or its recovery key. Nothing changes until you confirm.`,
  dropHere: 'Drop the backup file here, or',
  browse: 'Browse…',
  noFile: 'No file chosen',
  secretLabel: 'Password of the backup or its recovery key',
  secretHint: 'The password of the backup, or its recovery key (from the emergency kit).',
  recoveryKeyRecognised: 'Recovery key recognised.',
  recoveryKeyTypo: (group: number) => `Group ${group} of this recovery key has a typo: check it against the emergency kit.`,
  validate: 'Validate',
  chooseFileFirst: 'Choose a backup file first.',
  enterSecret: 'Enter the password or the recovery key of this backup.',
  opening: 'Opening the backup…',
  checked: 'Backup checked. Review the changes before importing.',
  validationCancelled: 'Validation cancelled.',
  checkingHeading: 'Checking the backup',
  validationProgress: 'Validation progress',
  reviewHeading: 'Review before importing',
  importButton: 'Import',
  chooseAnother: 'Choose another file',
  importingNow: (unit: string) => `Importing into ${unit}…`,
  importingHeading: (unit: Part) => html`Importing into ${unit}`,
  keepOpen: 'Keep this page open. If it closes, you can resume or roll back the import when you come back.',
  importProgress: 'Import progress',
  chooseWhatToRestore: 'Choose what to restore',
  selectiveComplete: 'Selective restore complete',
  importComplete: 'Import complete',
  importCompleteAnnouncement: (reloading: boolean) => `Import complete.${reloading ? ' The page will reload.' : ''}`,
  // selective restore (the chooser, its review and its run): en-selective.ts
  selective: enSelective,
  // preview
  sections: { plugins: 'Plugins', workspaces: 'Workspaces', profiles: 'Profiles', keys: 'Configs in key store' },
  sectionsInCount: { plugins: 'plugins', workspaces: 'workspaces', profiles: 'profiles', keys: 'configs in key store' },
  backupHolds: 'This backup holds',
  madeInUnit: 'Made in unit',
  madeOnDashboard: 'On the Dashboard at',
  createdAt: 'Created',
  createdBy: 'By',
  andMore: { one: 'and # more', other: 'and # more' },
  whatChanges: (unit: Part) => html`What changes in ${unit}`,
  changesCaption: (unit: Part) => html`Changes in ${unit}, by section`,
  section: 'Section',
  removed: 'Removed',
  created: 'Created',
  unchanged: 'Unchanged',
  keptItems: {
    one: 'One unchanged item stays as it is: the import does not touch it.',
    other: '# unchanged items stay as they are: the import does not touch them.',
  },
  recreatedItems: {
    one: 'One unchanged item is deleted and created again, to restore its place in the list or what it refers to.',
    other: '# unchanged items are deleted and created again, to restore their place in the list or what they refer to.',
  },
  showItems: 'Show the items',
  none: 'None.',
  cannotRestore: 'This backup cannot be restored:',
  danglingItems: {
    one: 'it refers to an item it does not contain. Use another backup.',
    other: 'it refers to # items it does not contain. Use another backup.',
  },
  cannotRestoreHere: 'This backup cannot be restored here:',
  unwritableItems: {
    one: 'one item below could not be sent to the Dashboard, so importing would stop after wiping the unit. Nothing has been changed. Fix it in the Dashboard the backup came from (or in this unit), then make a new backup.',
    other:
      '# items below could not be sent to the Dashboard, so importing would stop after wiping the unit. Nothing has been changed. Fix them in the Dashboard the backup came from (or in this unit), then make a new backup.',
  },
  unwritableItem: (inUnit: boolean, section: 'plugins' | 'workspaces' | 'profiles' | 'keys', label: Part) => {
    const kind = { plugins: 'plugin', workspaces: 'workspace', profiles: 'profile', keys: 'config in key store' }[section];
    return inUnit ? html`In this unit, ${kind} “${label}”` : html`${kind[0]!.toUpperCase() + kind.slice(1)} “${label}”`;
  },
  items: { one: '# item', other: '# items' },
  otherFields: (items: string) => `Other fields (${items})`,
  otherFieldsHint: 'Fields this version does not know. They are restored exactly as the backup holds them.',
  otherFieldsOf: {
    plugins: (name: string) => `Plugin ${name}`,
    workspaces: (name: string) => `Workspace ${name}`,
    profiles: (name: string) => `Profile ${name}`,
    keys: (name: string) => `Config ${name}`,
  },
  valuesHidden: (fields: string) => `${fields} (values hidden: secret key)`,
  wipesFirst: (unit: Part) => html`Importing wipes ${unit} first.`,
  wipeConsequence: {
    one: '# item currently there will be deleted, then the backup’s content is created. A safety snapshot is taken just before, so an interrupted import can be resumed or rolled back.',
    other:
      '# items currently there will be deleted, then the backup’s content is created. A safety snapshot is taken just before, so an interrupted import can be resumed or rolled back.',
  },
  otherDashboard: (origin: Part) => html`This backup was made on another Dashboard (${origin}).`,
  otherUnit: (source: Part, unit: Part) => html`This backup was made in ${source}, not in ${unit}.`,
  typeToConfirm: (unit: Part) => html`Type ${unit} to confirm`,
  // result
  verificationFound: (differences: string) => `The verification found ${differences} with the backup:`,
  reloadsSoon: 'The page reloads in a moment to show the new content.',
  reloadNow: 'Reload now',
  reloadedByHost: 'Done: the page was asked to show the new content.',
  reloadToSee: 'Reload the page to see the new content.',
  // resume
  enterResumeSecret: 'Enter the password or the recovery key of the backup you were importing.',
  keepPageOpen: 'Keep this page open.',
  elsewhereHeading: (unit: Part) => html`${unit} is being restored in another tab`,
  elsewhere: (unit: Part) =>
    html`An import, resume or rollback of ${unit} is running in another tab or window of this browser. Let it finish there. If that tab was closed, check again: the import can then be resumed or rolled back here.`,
  checkAgain: 'Check again',
  resumeOrRollBack:
    'Resume it where it stopped, or roll back to the safety snapshot taken just before it started. Both need the password (or the recovery key) of the backup you were importing.',
  resume: 'Resume',
  rollBack: 'Roll back',
  downloadSnapshot: 'Download the safety snapshot',
  partlyRestored: (unit: Part) => html`${unit} may be only partly restored.`,
  unfinished: (u: { rollback: boolean; selective: boolean; source: Part; made: string; started: string; done: string; total: string; unverified: boolean }) =>
    html`${u.rollback ? 'A rollback to the safety snapshot' : u.selective ? 'A selective restore' : 'An import'} of the backup of ${u.source} (made ${u.made}) started ${u.started} and stopped after ${u.done} of ${u.total} steps${u.unverified ? '; every step was done, but the result differs from the backup' : ''}.`,
  // outcomes, resume, review
  nowHolds: (unit: Part, counts: string, verified: boolean) =>
    html`${unit} now holds ${counts}${verified ? ', and was verified' : ''}.`,
  unverifiedHolds: (unit: Part, counts: string, differences: string, target: 'backup' | 'snapshot') =>
    html`${unit} now holds ${counts}, but reading it back found ${differences} with ${target === 'backup' ? 'the backup' : 'the safety snapshot'} (someone may have changed the unit meanwhile):`,
  moreDifferences: { one: 'and # more difference', other: 'and # more differences' },
  unverifiedChoices:
    'The page was not reloaded. Re-check reads the unit again without changing it; Keep as it is accepts the unit as it is now and ends the import (download the safety snapshot first, it is deleted then); Roll back restores the safety snapshot.',
  runningHeading: { resume: 'Resuming the import', rollback: 'Rolling back', recheck: 'Re-checking the unit' },
  runningProgress: { resume: 'Resume progress', rollback: 'Rollback progress', recheck: 'Re-check progress' },
  reviewTitle: { resume: 'Review before resuming', rollback: 'Review before rolling back' },
  doneAnnouncement: (title: string, reloading: boolean) => `${title}.${reloading ? ' The page will reload.' : ''}`,
  doneTitle: {
    rollback: 'Rollback complete',
    recheckedRollback: 'Rollback checked: it matches the snapshot',
    recheckedImport: 'Import checked: it matches the backup',
    resumedRollback: 'Rollback resumed and complete',
    resumedImport: 'Import resumed and complete',
  },
  outcomeTitle: {
    import: 'The import finished, but was not verified',
    rollback: 'The rollback finished, but was not verified',
    recheck: 'Re-checked: the unit still differs',
    resumedRollback: 'The resumed rollback finished, but was not verified',
    resumedImport: 'The resumed import finished, but was not verified',
  },
  keptAnnouncement: (unit: string) => `${unit} was kept as it is.`,
  unverifiedHeading: (rollback: boolean, unit: Part, selective: boolean) =>
    html`${rollback ? 'A rollback' : selective ? 'A selective restore' : 'An import'} into ${unit} finished, but was not verified`,
  unverifiedLater: (unit: Part, target: 'backup' | 'snapshot') =>
    html`Every step was done, but reading ${unit} back found differences with ${target === 'backup' ? 'the backup' : 'the safety snapshot'}. Re-check to see them; keep it as it is, or roll back to the safety snapshot.`,
  recheck: 'Re-check',
  keep: 'Keep as it is',
  unfinishedHeading: (rollback: boolean, unit: Part, selective: boolean) =>
    html`${rollback ? 'A rollback of' : selective ? 'A selective restore into' : 'An import into'} ${unit} did not finish`,
  snapshotKept: (link: Part) =>
    html`The safety snapshot (encrypted with the same password) is kept in this browser until the import is verified or kept: ${link}.`,
  freshSnapshot: (link: Part) => html`The unit as the last resume or rollback found it, before changing it: ${link}.`,
  downloadFreshSnapshot: 'Download that snapshot',
  keptHeading: (unit: Part) => html`${unit} kept as it is`,
  kept: (unit: Part) => html`The import has ended; ${unit} stays as it is now. Reload the page to see its content.`,
  keptSnapshot: (link: Part) =>
    html`The safety snapshot is no longer kept in this browser, but can still be downloaded until you leave this page: ${link}.`,
  otherJournals: {
    one: 'This browser also holds an unfinished import of another Dashboard. It is not resumed or rolled back from here; open Backup on that Dashboard to finish it:',
    other:
      'This browser also holds # unfinished imports of another Dashboard. They are not resumed or rolled back from here; open Backup on that Dashboard to finish them:',
  },
  otherJournal: (unit: Part, dashboard: Part, started: string) => html`${unit} on ${dashboard}, started ${started}`,
  unknownDashboard: 'a Dashboard this browser did not record (earlier version)',
  changes: { one: '# change', other: '# changes' },
  moreChanges: { one: 'and # more change', other: 'and # more changes' },
  drift: (unit: Part, changes: string, mode: 'resume' | 'rollback') =>
    html`${unit} changed since the import started: ${changes} the import did not make. ${mode === 'resume' ? 'Resuming' : 'Rolling back'} would delete or overwrite:`,
  freshSnapshotFirst: (unit: Part) =>
    html`Before anything is changed, a fresh safety snapshot of ${unit} as it is now is stored in this browser; the snapshot taken before the import is kept too.`,
  confirmWithChanges: { resume: 'Resume with these changes', rollback: 'Roll back with these changes' },
  // the element
  title: 'Backup and restore',
  loading: 'Loading…',
  /** While a part of the element (a panel, a step) is being downloaded. */
  loadingPart: 'Loading this step…',
  tryAgain: 'Try again',
  adminsOnly: 'For administrators only',
  notAdmin: (unit: Part, user: Part) =>
    html`Backing up and restoring ${unit} is reserved for its administrators. You are signed in as ${user}, who is not one. Ask an administrator of this unit if you need a backup or a restore.`,
  warningHeading: 'Before you start',
  warningExport: (unit: Part) =>
    html`<strong>Export</strong> saves everything in ${unit} — plugins with their configuration and permissions, workspaces and their applications, profiles, and the configs in key store including secret keys — to a file encrypted with a password you choose.`,
  warningPassword: 'The password cannot be recovered. Without it, nobody can open the backup.',
  warningImport: (unit: Part) =>
    html`<strong>Import wipes ${unit}</strong>: everything in it is deleted and replaced by the backup’s content. You see what will change before confirming, and a safety snapshot lets an interrupted import be resumed or rolled back.`,
  tabs: { export: 'Export', import: 'Import' },
  tabsLabel: 'Backup actions',
  tabLockReasons: {
    export: 'Import is available again once the export finishes or is cancelled.',
    validate: 'Export is available again once the backup is checked or the check is cancelled.',
    import: 'Export is available again once the import has finished.',
    resume: 'Export is available again once the import has finished.',
    rollback: 'Export is available again once the rollback has finished.',
  },
  anotherConnection: 'another Dashboard connection',
  switchWaits: (requested: Part, operation: 'export' | 'validate' | 'import' | 'resume' | 'rollback', about: Part) =>
    html`This page now asks for ${requested}. That takes effect once this ${{ export: 'export', validate: 'check of the backup', import: 'import', resume: 'import', rollback: 'rollback' }[operation]} has ended: until then, everything here is about ${about}.`,
  switchOffered: (about: Part, requested: Part) =>
    html`What is shown here is about ${about}. This page now asks for ${requested}.`,
  goTo: (requested: Part) => html`Go to ${requested}`,
  // what the engines find (differences, someone else's changes, unwritable items, dependencies): en-facts.ts
  facts: enFacts,
  // <backup-inspector>, its parts and the offline page: en-inspector.ts
  inspector: enInspector,
  // schema problems of a backup's content (zod issues), by code: en-problems.ts
  schemaProblems: enSchemaProblems,
  // recovery key and emergency kit
  printKit: 'Print the emergency kit',
  saveKit: 'Save the kit as a text file',
  kitSaved: 'I have printed or saved this recovery key, and will keep it apart from the backup files.',
  yourRecoveryKey: 'Your recovery key',
  existingKeyHint: 'The key from an earlier emergency kit of this unit: 13 groups of 5 letters and digits.',
  whichKey: 'Which recovery key',
  newKey: 'A new recovery key',
  existingKey: 'One I already have',
  kit: {
    lang: 'en',
    title: 'Dashboard Backup — emergency kit',
    unit: (unit: string) => `Unit: ${unit}`,
    made: (date: string) => `Made: ${date}`,
    recoveryKey: 'Recovery key',
    print: 'Print',
    keptWhere: 'Where this kit is kept:',
    uses: [
      `This recovery key opens the backups of this unit that were made with it (Export, "Add a recovery key"),`,
      'without their password: in Import, when resuming an import, and in the offline inspector, type it where the',
      'password is asked. It can also give such a backup a new password (offline inspector, "Change the password or the recovery key").',
      'Anyone who has it and a backup file can open that backup: keep it offline, apart from the backup files.',
      'This kit does not contain the password.',
    ],
  },
} as const;
