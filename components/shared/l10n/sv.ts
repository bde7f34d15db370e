/**
 * Svenska. Complete: the type {@link Catalog} makes the compiler refuse a missing key, and
 * test/components/l10n.test.ts checks the keys at run time too. Wording follows the Dashboard's own Swedish terms
 * ("konfigurationer i nyckelarkivet" for "configs in key store").
 */
import { html } from 'lit';
import type { Catalog, Part } from './catalog.js';
import { svFacts } from './sv-facts.js';
import { svInspector } from './sv-inspector.js';
import { svSchemaProblems } from './sv-problems.js';
import { svSelective } from './sv-selective.js';

export const sv: Catalog = {
  errors: {
    PASSWORD_TOO_SHORT: 'Lösenordet måste vara minst 4 tecken långt.',
    INVALID_OPTIONS:
      'Säkerhetskopieringen på den här sidan är felaktigt inställd. Be den som sköter Dashboard-sidan att kontrollera den.',
    INSECURE_CONTEXT:
      'Säkerhetskopior kräver en säker anslutning: öppna Dashboard-sidan via https:// (eller http://localhost) och försök igen.',
    CHUNK_LOAD_FAILED:
      'En del av säkerhetskopieringsverktyget kunde inte hämtas (ingen anslutning, eller blockerad eller saknad på servern). Kontrollera anslutningen och ladda om sidan; händer det igen, be den som sköter Dashboard-sidan att publicera hela mappen dashboard-backup, chunks/ inräknad.',
    WORKER_FAILED:
      'Webbläsaren stoppade bakgrundsuppgiften som komprimerar och packar upp säkerhetskopian (ofta av minnesbrist). Stäng andra flikar och försök igen; det här steget skickade inget till Dashboard.',
    NOT_A_BACKUP:
      'Filen är ingen Dashboard-säkerhetskopia. Om det är en fil som Exportera sparade är dess början skadad: använd en annan kopia.',
    UNSUPPORTED_VERSION:
      'Säkerhetskopian gjordes av en nyare version av Dashboard Backup. Uppdatera Dashboard och öppna filen igen.',
    KDF_OUT_OF_RANGE:
      'Filens krypteringsinställningar ligger utanför det säkra intervallet, så den öppnades inte. Den kan ha manipulerats: använd en annan kopia.',
    WRONG_PASSWORD: 'Lösenordet öppnar inte säkerhetskopian. Kontrollera det (stora och små bokstäver skiljs åt) och försök igen.',
    WRONG_RECOVERY_KEY:
      'Återställningsnyckeln öppnar inte säkerhetskopian. Kontrollera att det är nyckeln från säkerhetskopians nödkit, eller använd lösenordet.',
    INVALID_RECOVERY_KEY:
      'Återställningsnyckeln har ett skrivfel: en grupp stämmer inte med sitt kontrolltecken. Jämför varje grupp med nödkitet.',
    NO_USABLE_KEY_SLOT:
      'Säkerhetskopian kan inte öppnas på det sättet: den har inget lösenord, eller ingen återställningsnyckel, av det slag du angav. Prova det andra.',
    CORRUPT_FILE: 'Säkerhetskopian är skadad eller ofullständig. Använd en annan kopia, eller ladda ned den igen.',
    FILE_UNREADABLE:
      'Filen kunde inte läsas: den kan ha ändrats, flyttats eller tagits bort sedan du valde den. Välj den igen.',
    TOO_LARGE: 'Säkerhetskopian är för stor för att öppnas i den här webbläsaren. Prova en dator med mer minne.',
    INVALID_BACKUP: 'Säkerhetskopian öppnades, men innehållet är ogiltigt och kan inte återställas. Använd en annan säkerhetskopia.',
    NEWER_BACKUP:
      'Säkerhetskopian innehåller delar som den här versionen av Dashboard Backup inte känner till: en nyare version gjorde den. Uppdatera Dashboard och öppna filen igen.',
    UNAUTHENTICATED: 'Du är inte inloggad i Dashboard (eller så har sessionen gått ut). Logga in och försök igen.',
    NOT_ADMIN: 'Bara enhetens administratörer kan säkerhetskopiera eller återställa den. Be en administratör göra det.',
    NOT_FOUND: 'Något som det här steget behöver finns inte längre i Dashboard. Ladda om sidan och försök igen.',
    CONFLICT:
      'Dashboard avvisade en ändring som krockar med nuvarande data (någon kanske redigerar enheten). Ladda om sidan och försök igen.',
    INVALID: 'Dashboard avvisade en del av datan som ogiltig. Validera säkerhetskopian igen; om felet kvarstår, använd en annan.',
    RATE_LIMITED: 'Dashboard tar emot för många förfrågningar. Vänta en minut och försök igen.',
    NETWORK: 'Det går inte att nå Dashboard. Kontrollera nätverksanslutningen och försök igen.',
    SERVER: 'Dashboard rapporterade ett internt fel. Försök igen om några minuter; om felet kvarstår, kontakta dess administratör.',
    BAD_RESPONSE:
      'Dashboard skickade ett svar som verktyget inte förstår; det kan vara en annan version. Kontakta dess administratör.',
    UNIT_CHANGED_DURING_READ:
      'Någon ändrade enheten medan den lästes, om och om igen, så ingen enhetlig kopia kunde göras. Inget ändrades. Försök igen när ingen redigerar enheten.',
    ABORTED: 'Åtgärden avbröts.',
    UNIT_MISMATCH: 'Säkerhetskopian kommer från en annan enhet. Skriv den här enhetens namn för att bekräfta att den ska ersättas.',
    DANGLING_REFERENCE:
      'Säkerhetskopian hänvisar till objekt som den inte innehåller, så den kan inte återställas säkert. Använd en annan säkerhetskopia.',
    UNWRITABLE_BACKUP:
      'Vissa objekt i säkerhetskopian kan inte skickas till Dashboard (se förhandsvisningen), så inget ändrades. Rätta dem vid källan, exportera igen och använd den säkerhetskopian.',
    PLAN_CHANGED: 'Enheten ändrades efter att du validerade säkerhetskopian. Validera den igen för att se ändringarna, och importera sedan.',
    IMPORT_INCOMPLETE:
      'Importen avbröts innan den var klar. Inget har gått förlorat: återuppta den, eller återgå till säkerhetsögonblicksbilden.',
    IMPORT_RUNNING:
      'Enheten återställs i en annan flik eller ett annat fönster i den här webbläsaren. Låt det bli klart där och försök sedan igen.',
    UNIT_LOCKED:
      'En annan administratör återställer enheten från en annan webbläsare. Vänta tills hen är klar och kontrollera sedan igen.',
    RESUME_NEEDS_REVIEW:
      'Enheten har ändrats sedan importen började, och att fortsätta skulle ta bort eller skriva över någon annans arbete. Granska ändringarna och bekräfta sedan.',
    VERIFY_FAILED:
      'Importen är klar, men enheten stämmer inte exakt med säkerhetskopian. Ladda ned säkerhetsögonblicksbilden och kontakta din administratör.',
    JOURNAL_UNAVAILABLE:
      'Webbläsaren kan inte spara importens säkerhetsdata (privat fönster eller fullt lagringsutrymme?). Använd ett vanligt fönster med ledigt diskutrymme.',
  },
  unknownError: 'Något oväntat gick fel. Ladda om sidan och försök igen.',
  lockedBy: (holder, since) =>
    `${holder} har återställt enheten från en annan webbläsare sedan ${since}. Vänta tills hen är klar och kontrollera sedan igen.`,
  phases: {
    session: 'Kontrollerar din session',
    fetch: 'Läser enheten',
    encrypt: 'Krypterar',
    decrypt: 'Dekrypterar',
    validate: 'Kontrollerar innehållet',
    plan: 'Jämför med den här enheten',
    preflight: 'Kontrollerar innan något ändras',
    snapshot: 'Tar en säkerhetsögonblicksbild',
    wipe: 'Tar bort nuvarande innehåll',
    create: 'Skapar säkerhetskopians innehåll',
    verify: 'Verifierar resultatet',
    rollback: 'Återställer säkerhetsögonblicksbilden',
    done: 'Klart',
  },
  progressOf: (label, done, total) => `${label}: ${done} av ${total}`,
  starting: 'Startar…',
  sizeUnits: ['byte', 'kB', 'MB', 'GB'],
  plugins: { one: '# insticksprogram', other: '# insticksprogram' },
  workspaces: { one: '# arbetsyta', other: '# arbetsytor' },
  profiles: { one: '# profil', other: '# profiler' },
  keyStoreConfigs: { one: '# konfiguration i nyckelarkivet', other: '# konfigurationer i nyckelarkivet' },
  differences: { one: '# avvikelse', other: '# avvikelser' },
  cancel: 'Avbryt',
  continue: 'Fortsätt',
  // export
  exportHeading: (unit: Part) => html`Exportera ${unit}`,
  exportIntro:
    'Sparar enhetens alla insticksprogram, arbetsytor, profiler och konfigurationer i nyckelarkivet i en krypterad fil på den här datorn. Välj lösenordet som ska skydda den.',
  password: 'Lösenord',
  confirmPassword: 'Bekräfta lösenordet',
  passwordsDiffer: 'De två lösenorden är inte likadana.',
  strengthHints: {
    'too-short': 'Minst 4 tecken.',
    weak: 'Svagt: lätt att gissa. Några slumpvisa ord ger ett starkare lösenord.',
    fair: 'Godtagbart: gör det längre för att vara säkrare.',
    strong: 'Starkt.',
  },
  keepPasswordSafe: 'Förvara lösenordet säkert.',
  keepPasswordSafeWhy:
    'Det går inte att återskapa: utan det (eller en återställningsnyckel) kan ingen, inte ens en administratör, öppna säkerhetskopian.',
  weakPasswordWarning:
    'Lösenordet är svagt: den som får tag i filen kan gissa det. Välj ett längre – några slumpvisa ord. ' +
    'Rädd att glömma det? Lägg till en återställningsnyckel: den öppnar säkerhetskopian om lösenordet går förlorat.',
  addRecoveryKey: 'Lägg till en återställningsnyckel',
  addRecoveryKeyHint:
    'Ett andra sätt att öppna säkerhetskopian, om lösenordet glöms bort: skriv ut den eller spara den, och förvara den säkert.',
  recoveryKeyNotSaved:
    'Skriv ut nödkitet eller spara det som textfil och kryssa sedan i rutan för att bekräfta (eller ange den återställningsnyckel du redan har).',
  exportButton: 'Exportera',
  exportingNow: (unit) => `Exporterar ${unit}…`,
  exportingHeading: (unit: Part) => html`Exporterar ${unit}`,
  exportProgress: 'Exportförlopp',
  exportCancelled: 'Exporten avbröts. Inget laddades ned.',
  backupReady: 'Säkerhetskopian är klar',
  backupReadyAnnouncement: (file) => `Säkerhetskopian är klar: ${file}.`,
  exportDone: (file: Part, size, counts) =>
    html`${file} (${size}) sparades bland dina nedladdningar. Den innehåller ${counts}.`,
  keepApart: 'Förvara filen och dess lösenord på olika säkra platser.',
  keepKitApart: 'Den öppnas också med återställningsnyckeln i nödkitet: håll den åtskild från båda.',
  downloadAgain: 'Ladda ned igen',
  exportAgain: 'Gör en ny säkerhetskopia',
  // import
  importHeading: (unit: Part) => html`Importera en säkerhetskopia till ${unit}`,
  importIntro: (file: Part) =>
    html`Välj en ${file}-fil och ange dess lösenord eller återställningsnyckel. Inget ändras förrän du bekräftar.`,
  dropHere: 'Släpp säkerhetskopian här, eller',
  browse: 'Bläddra…',
  noFile: 'Ingen fil vald',
  secretLabel: 'Säkerhetskopians lösenord eller återställningsnyckel',
  secretHint: 'Säkerhetskopians lösenord, eller dess återställningsnyckel (från nödkitet).',
  recoveryKeyRecognised: 'Återställningsnyckeln känns igen.',
  recoveryKeyTypo: (group) => `Grupp ${group} i återställningsnyckeln har ett skrivfel: jämför med nödkitet.`,
  validate: 'Validera',
  chooseFileFirst: 'Välj först en säkerhetskopia.',
  enterSecret: 'Ange säkerhetskopians lösenord eller återställningsnyckel.',
  opening: 'Öppnar säkerhetskopian…',
  checked: 'Säkerhetskopian är kontrollerad. Granska ändringarna innan du importerar.',
  validationCancelled: 'Valideringen avbröts.',
  checkingHeading: 'Kontrollerar säkerhetskopian',
  validationProgress: 'Valideringsförlopp',
  reviewHeading: 'Granska innan du importerar',
  importButton: 'Importera',
  chooseAnother: 'Välj en annan fil',
  importingNow: (unit) => `Importerar till ${unit}…`,
  importingHeading: (unit: Part) => html`Importerar till ${unit}`,
  keepOpen: 'Håll sidan öppen. Stängs den kan du återuppta eller återställa importen när du kommer tillbaka.',
  importProgress: 'Importförlopp',
  chooseWhatToRestore: 'Välj vad som ska återställas',
  selectiveComplete: 'Den selektiva återställningen är klar',
  importComplete: 'Importen är klar',
  importCompleteAnnouncement: (reloading) => `Importen är klar.${reloading ? ' Sidan laddas om.' : ''}`,
  // selective restore (the chooser, its review and its run): sv-selective.ts
  selective: svSelective,
  // preview
  sections: { plugins: 'Insticksprogram', workspaces: 'Arbetsytor', profiles: 'Profiler', keys: 'Konfigurationer i nyckelarkivet' },
  sectionsInCount: { plugins: 'insticksprogram', workspaces: 'arbetsytor', profiles: 'profiler', keys: 'konfigurationer i nyckelarkivet' },
  backupHolds: 'Säkerhetskopian innehåller',
  madeInUnit: 'Gjord i enheten',
  madeOnDashboard: 'I Dashboard på',
  createdAt: 'Skapad',
  createdBy: 'Av',
  andMore: { one: 'och # till', other: 'och # till' },
  whatChanges: (unit: Part) => html`Vad som ändras i ${unit}`,
  changesCaption: (unit: Part) => html`Ändringar i ${unit}, per del`,
  section: 'Del',
  removed: 'Tas bort',
  created: 'Skapas',
  unchanged: 'Oförändrade',
  keptItems: {
    one: 'Ett oförändrat objekt behålls som det är: importen rör det inte.',
    other: '# oförändrade objekt behålls som de är: importen rör dem inte.',
  },
  recreatedItems: {
    one: 'Ett oförändrat objekt tas bort och skapas igen, för att återställa dess plats i listan eller det som det hänvisar till.',
    other: '# oförändrade objekt tas bort och skapas igen, för att återställa deras plats i listan eller det som de hänvisar till.',
  },
  showItems: 'Visa objekten',
  none: 'Inga.',
  cannotRestore: 'Säkerhetskopian kan inte återställas:',
  danglingItems: {
    one: 'den hänvisar till ett objekt som den inte innehåller. Använd en annan säkerhetskopia.',
    other: 'den hänvisar till # objekt som den inte innehåller. Använd en annan säkerhetskopia.',
  },
  cannotRestoreHere: 'Säkerhetskopian kan inte återställas här:',
  unwritableItems: {
    one: 'ett objekt nedan kunde inte skickas till Dashboard, så importen skulle stanna efter att enheten tömts. Inget har ändrats. Rätta det i den Dashboard som säkerhetskopian kom från (eller i den här enheten) och gör sedan en ny säkerhetskopia.',
    other:
      '# objekt nedan kunde inte skickas till Dashboard, så importen skulle stanna efter att enheten tömts. Inget har ändrats. Rätta dem i den Dashboard som säkerhetskopian kom från (eller i den här enheten) och gör sedan en ny säkerhetskopia.',
  },
  unwritableItem: (inUnit, section, label: Part) => {
    const kind = { plugins: 'insticksprogram', workspaces: 'arbetsyta', profiles: 'profil', keys: 'konfiguration i nyckelarkivet' }[section];
    return inUnit ? html`I den här enheten, ${kind} ”${label}”` : html`${kind[0]!.toUpperCase() + kind.slice(1)} ”${label}”`;
  },
  items: { one: '# objekt', other: '# objekt' },
  otherFields: (items) => `Övriga fält (${items})`,
  otherFieldsHint: 'Fält som den här versionen inte känner till. De återställs exakt som säkerhetskopian har dem.',
  otherFieldsOf: {
    plugins: (name) => `Insticksprogram ${name}`,
    workspaces: (name) => `Arbetsyta ${name}`,
    profiles: (name) => `Profil ${name}`,
    keys: (name) => `Konfiguration ${name}`,
  },
  valuesHidden: (fields) => `${fields} (värden dolda: hemlig nyckel)`,
  wipesFirst: (unit: Part) => html`Importen tömmer först ${unit}.`,
  wipeConsequence: {
    one: '# objekt som finns där nu tas bort, sedan skapas säkerhetskopians innehåll. Strax innan tas en säkerhetsögonblicksbild, så att en avbruten import kan återupptas eller återställas.',
    other:
      '# objekt som finns där nu tas bort, sedan skapas säkerhetskopians innehåll. Strax innan tas en säkerhetsögonblicksbild, så att en avbruten import kan återupptas eller återställas.',
  },
  otherDashboard: (origin: Part) => html`Säkerhetskopian gjordes i en annan Dashboard (${origin}).`,
  otherUnit: (source: Part, unit: Part) => html`Säkerhetskopian gjordes i ${source}, inte i ${unit}.`,
  typeToConfirm: (unit: Part) => html`Skriv ${unit} för att bekräfta`,
  // result
  verificationFound: (differences) => `Verifieringen hittade ${differences} mot säkerhetskopian:`,
  reloadsSoon: 'Sidan laddas om om en stund för att visa det nya innehållet.',
  reloadNow: 'Ladda om nu',
  reloadedByHost: 'Klart: sidan har ombetts att visa det nya innehållet.',
  reloadToSee: 'Ladda om sidan för att se det nya innehållet.',
  // resume
  enterResumeSecret: 'Ange lösenordet eller återställningsnyckeln för säkerhetskopian du importerade.',
  keepPageOpen: 'Håll sidan öppen.',
  elsewhereHeading: (unit: Part) => html`${unit} återställs i en annan flik`,
  elsewhere: (unit: Part) =>
    html`En import, ett återupptagande eller en återställning av ${unit} pågår i en annan flik eller ett annat fönster i den här webbläsaren. Låt det bli klart där. Om den fliken stängdes, kontrollera igen: då kan importen återupptas eller återställas här.`,
  checkAgain: 'Kontrollera igen',
  resumeOrRollBack:
    'Återuppta den där den stannade, eller återgå till säkerhetsögonblicksbilden som togs strax innan den började. Båda kräver lösenordet (eller återställningsnyckeln) för säkerhetskopian du importerade.',
  resume: 'Återuppta',
  rollBack: 'Återställ',
  downloadSnapshot: 'Ladda ned säkerhetsögonblicksbilden',
  partlyRestored: (unit: Part) => html`${unit} kan vara bara delvis återställd.`,
  unfinished: (u) =>
    html`${u.rollback ? 'En återställning till säkerhetsögonblicksbilden' : u.selective ? 'En selektiv återställning' : 'En import'} av säkerhetskopian av ${u.source} (gjord ${u.made}) startade ${u.started} och stannade efter ${u.done} av ${u.total} steg${u.unverified ? '; alla steg gjordes, men resultatet skiljer sig från säkerhetskopian' : ''}.`,
  // outcomes, resume, review
  nowHolds: (unit: Part, counts, verified) =>
    html`${unit} innehåller nu ${counts}${verified ? ' och har verifierats' : ''}.`,
  unverifiedHolds: (unit: Part, counts, differences, target) =>
    html`${unit} innehåller nu ${counts}, men en kontrolläsning hittade ${differences} mot ${target === 'backup' ? 'säkerhetskopian' : 'säkerhetsögonblicksbilden'} (någon kan ha ändrat enheten under tiden):`,
  moreDifferences: { one: 'och # avvikelse till', other: 'och # avvikelser till' },
  unverifiedChoices:
    'Sidan laddades inte om. Kontrollera igen läser enheten på nytt utan att ändra den; Behåll som den är godtar enheten som den är nu och avslutar importen (ladda först ned säkerhetsögonblicksbilden, den tas då bort); Återställ återställer säkerhetsögonblicksbilden.',
  runningHeading: { resume: 'Återupptar importen', rollback: 'Återställer', recheck: 'Kontrollerar enheten igen' },
  runningProgress: { resume: 'Förlopp för återupptagandet', rollback: 'Förlopp för återställningen', recheck: 'Förlopp för kontrollen' },
  reviewTitle: { resume: 'Granska innan du återupptar', rollback: 'Granska innan du återställer' },
  doneAnnouncement: (title, reloading) => `${title}.${reloading ? ' Sidan laddas om.' : ''}`,
  doneTitle: {
    rollback: 'Återställningen är klar',
    recheckedRollback: 'Återställningen kontrollerad: den stämmer med ögonblicksbilden',
    recheckedImport: 'Importen kontrollerad: den stämmer med säkerhetskopian',
    resumedRollback: 'Återställningen återupptogs och är klar',
    resumedImport: 'Importen återupptogs och är klar',
  },
  outcomeTitle: {
    import: 'Importen är klar, men verifierades inte',
    rollback: 'Återställningen är klar, men verifierades inte',
    recheck: 'Kontrollerad igen: enheten avviker fortfarande',
    resumedRollback: 'Den återupptagna återställningen är klar, men verifierades inte',
    resumedImport: 'Den återupptagna importen är klar, men verifierades inte',
  },
  keptAnnouncement: (unit) => `${unit} behölls som den är.`,
  unverifiedHeading: (rollback, unit: Part, selective) =>
    html`${rollback ? 'En återställning' : selective ? 'En selektiv återställning' : 'En import'} till ${unit} är klar, men verifierades inte`,
  unverifiedLater: (unit: Part, target) =>
    html`Alla steg gjordes, men en kontrolläsning av ${unit} hittade avvikelser mot ${target === 'backup' ? 'säkerhetskopian' : 'säkerhetsögonblicksbilden'}. Kontrollera igen för att se dem; behåll den som den är, eller återgå till säkerhetsögonblicksbilden.`,
  recheck: 'Kontrollera igen',
  keep: 'Behåll som den är',
  unfinishedHeading: (rollback, unit: Part, selective) =>
    html`${rollback ? 'En återställning av' : selective ? 'En selektiv återställning till' : 'En import till'} ${unit} blev inte klar`,
  snapshotKept: (link: Part) =>
    html`Säkerhetsögonblicksbilden (krypterad med samma lösenord) sparas i den här webbläsaren tills importen är verifierad eller behållen: ${link}.`,
  freshSnapshot: (link: Part) => html`Enheten som det senaste återupptagandet eller den senaste återställningen fann den, innan den ändrades: ${link}.`,
  downloadFreshSnapshot: 'Ladda ned den ögonblicksbilden',
  keptHeading: (unit: Part) => html`${unit} behölls som den är`,
  kept: (unit: Part) => html`Importen är avslutad; ${unit} förblir som den är nu. Ladda om sidan för att se innehållet.`,
  keptSnapshot: (link: Part) =>
    html`Säkerhetsögonblicksbilden sparas inte längre i webbläsaren, men kan laddas ned tills du lämnar sidan: ${link}.`,
  otherJournals: {
    one: 'Webbläsaren har också en oavslutad import från en annan Dashboard. Den återupptas eller återställs inte härifrån; öppna säkerhetskopieringen i den Dashboard för att avsluta den:',
    other:
      'Webbläsaren har också # oavslutade importer från en annan Dashboard. De återupptas eller återställs inte härifrån; öppna säkerhetskopieringen i den Dashboard för att avsluta dem:',
  },
  otherJournal: (unit: Part, dashboard: Part, started) => html`${unit} i ${dashboard}, startad ${started}`,
  unknownDashboard: 'en Dashboard som webbläsaren inte registrerade (tidigare version)',
  changes: { one: '# ändring', other: '# ändringar' },
  moreChanges: { one: 'och # ändring till', other: 'och # ändringar till' },
  drift: (unit: Part, changes, mode) =>
    html`${unit} har ändrats sedan importen började: ${changes} som importen inte gjorde. ${mode === 'resume' ? 'Att återuppta' : 'Att återställa'} skulle ta bort eller skriva över:`,
  freshSnapshotFirst: (unit: Part) =>
    html`Innan något ändras sparas en ny säkerhetsögonblicksbild av ${unit} som den är nu i webbläsaren; ögonblicksbilden från före importen behålls också.`,
  confirmWithChanges: { resume: 'Återuppta med de här ändringarna', rollback: 'Återställ med de här ändringarna' },
  // the element
  title: 'Säkerhetskopiering och återställning',
  loading: 'Laddar…',
  loadingPart: 'Laddar steget…',
  tryAgain: 'Försök igen',
  adminsOnly: 'Endast för administratörer',
  notAdmin: (unit: Part, user: Part) =>
    html`Att säkerhetskopiera och återställa ${unit} är förbehållet dess administratörer. Du är inloggad som ${user}, som inte är det. Be en administratör för enheten om du behöver en säkerhetskopia eller en återställning.`,
  warningHeading: 'Innan du börjar',
  warningExport: (unit: Part) =>
    html`<strong>Exportera</strong> sparar allt i ${unit} – insticksprogram med inställningar och behörigheter, arbetsytor och deras applikationer, profiler och konfigurationerna i nyckelarkivet inklusive hemliga nycklar – i en fil som krypteras med ett lösenord du väljer.`,
  warningPassword: 'Lösenordet går inte att återskapa. Utan det kan ingen öppna säkerhetskopian.',
  warningImport: (unit: Part) =>
    html`<strong>Importera tömmer ${unit}</strong>: allt i den tas bort och ersätts av säkerhetskopians innehåll. Du ser vad som ändras innan du bekräftar, och en säkerhetsögonblicksbild gör att en avbruten import kan återupptas eller återställas.`,
  tabs: { export: 'Exportera', import: 'Importera' },
  tabsLabel: 'Säkerhetskopieringsåtgärder',
  tabLockReasons: {
    export: 'Importera blir tillgängligt igen när exporten är klar eller avbruten.',
    validate: 'Exportera blir tillgängligt igen när säkerhetskopian är kontrollerad eller kontrollen avbruten.',
    import: 'Exportera blir tillgängligt igen när importen är klar.',
    resume: 'Exportera blir tillgängligt igen när importen är klar.',
    rollback: 'Exportera blir tillgängligt igen när återställningen är klar.',
  },
  anotherConnection: 'en annan Dashboard-anslutning',
  switchWaits: (requested: Part, operation, about: Part) =>
    html`Sidan ber nu om ${requested}. Det gäller när ${{ export: 'exporten', validate: 'kontrollen av säkerhetskopian', import: 'importen', resume: 'importen', rollback: 'återställningen' }[operation]} är klar: till dess gäller allt här ${about}.`,
  switchOffered: (about: Part, requested: Part) => html`Det som visas här gäller ${about}. Sidan ber nu om ${requested}.`,
  goTo: (requested: Part) => html`Gå till ${requested}`,
  // what the engines find: sv-facts.ts
  facts: svFacts,
  // <backup-inspector>, its parts and the offline page: sv-inspector.ts
  inspector: svInspector,
  // schema problems of a backup's content (zod issues), by code: sv-problems.ts
  schemaProblems: svSchemaProblems,
  // recovery key and emergency kit
  printKit: 'Skriv ut nödkitet',
  saveKit: 'Spara kitet som textfil',
  kitSaved: 'Jag har skrivit ut eller sparat återställningsnyckeln och förvarar den åtskild från säkerhetskopiorna.',
  yourRecoveryKey: 'Din återställningsnyckel',
  existingKeyHint: 'Nyckeln från ett tidigare nödkit för enheten: 13 grupper om 5 bokstäver och siffror.',
  whichKey: 'Vilken återställningsnyckel',
  newKey: 'En ny återställningsnyckel',
  existingKey: 'En som jag redan har',
  kit: {
    lang: 'sv',
    title: 'Dashboard Backup – nödkit',
    unit: (unit) => `Enhet: ${unit}`,
    made: (date) => `Gjort: ${date}`,
    recoveryKey: 'Återställningsnyckel',
    print: 'Skriv ut',
    keptWhere: 'Här förvaras kitet:',
    uses: [
      'Återställningsnyckeln öppnar de säkerhetskopior av enheten som gjordes med den (Exportera, ”Lägg till en återställningsnyckel”),',
      'utan deras lösenord: i Importera, när en import återupptas och i offline-granskaren, skriv den där lösenordet efterfrågas.',
      'Den kan också ge en sådan säkerhetskopia ett nytt lösenord (offline-granskaren, ”Byt lösenord eller återställningsnyckel”).',
      'Den som har den och en säkerhetskopia kan öppna säkerhetskopian: förvara den offline, åtskild från säkerhetskopiorna.',
      'Kitet innehåller inte lösenordet.',
    ],
  },
};
