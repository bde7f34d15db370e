/** Svenska: det motorerna hittar (the `facts` group of the catalog; English in en-facts.ts). */
import { html } from 'lit';
import type { Catalog, Part } from './catalog.js';

type Section = 'plugins' | 'workspaces' | 'profiles' | 'keys';
const Kind = { plugins: 'Insticksprogrammet', workspaces: 'Arbetsytan', profiles: 'Profilen', keys: 'Konfigurationen' } as const;
const Kinds = { plugins: 'Insticksprogrammen', workspaces: 'Arbetsytorna', profiles: 'Profilerna', keys: 'Konfigurationerna' } as const;

export const svFacts: Catalog['facts'] = {
  changed: (s: Section, name: Part, fields: Part, n: number) =>
    html`${Kind[s]} ”${name}” skiljer sig från säkerhetskopian i ${n === 1 ? 'fältet' : 'fälten'} ${fields}.`,
  missing: (s: Section, name: Part) => html`${Kind[s]} ”${name}” saknas.`,
  extra: (s: Section, name: Part) => html`${Kind[s]} ”${name}” finns inte i säkerhetskopian.`,
  order: (s: Section, position: string, found: Part, expected: Part) =>
    html`${Kinds[s]} står inte i säkerhetskopians ordning: på plats ${position} står ”${found}”, säkerhetskopian har ”${expected}” där.`,
  drift: (s: Section, name: Part, owner: Part | undefined) =>
    owner === undefined ? html`${Kind[s]} ”${name}”` : html`${Kind[s]} ”${name}” (ägare ${owner})`,
  write: {
    'too-deep': (depth, max) => `den är nästlad ${depth} nivåer djupt i objekt och listor; Dashboard tar emot ${max}.`,
    'too-large': (size, max) => `dess anrop skulle bli ${size}; Dashboard tar emot ${max}.`,
    'lone-surrogate':
      'en text i den innehåller ett ensamt UTF-16-surrogattecken, som saknar UTF-8-form, så Dashboard kan inte lagra den som den är.',
    'name-unaddressable':
      'dess namn kan inte vara ett segment i en URL-sökväg ("", "." och ".." försvinner när URL:en tolkas, även procentkodade).',
    'name-lone-surrogate': 'dess namn innehåller ett ensamt UTF-16-surrogattecken, som en URL inte kan bära.',
    'undeletable-unaddressable': (what) =>
      `dess ${what === 'id' ? 'id' : 'namn'} kan inte vara ett segment i en URL-sökväg ("", "." och ".." försvinner när URL:en tolkas), så den kan inte tas bort.`,
    'undeletable-lone-surrogate': (what) =>
      `dess ${what === 'id' ? 'id' : 'namn'} innehåller ett ensamt UTF-16-surrogattecken, som en URL inte kan bära, så den kan inte tas bort.`,
  },
  dependency: {
    'profile-lists': (by: Part) => html`Profilen ”${by}” listar den och den här enheten har den inte.`,
    'workspace-uses': (by: Part) => html`Arbetsytan ”${by}” använder den och den här enheten har den inte.`,
    'plugin-maps': (by: Part) => html`Insticksprogrammet ”${by}” mappar ett krav till den och den här enheten har den inte.`,
    'maps-replaced': (by: Part) => html`Den mappar ett krav till insticksprogrammet ”${by}”, som ersätts.`,
    'uses-replaced': (by: Part) => html`Den använder insticksprogrammet ”${by}”, som ersätts.`,
    'lists-replaced': (by: Part) => html`Den listar arbetsytan ”${by}”, som ersätts eller återskapas.`,
  },
  created: 'skapas från säkerhetskopian',
  recreated: 'återskapas som den är',
  dangling: {
    provider: (n) => `En kravmappning i insticksprogram ${n} anger ett leverantörsprogram som inte finns i säkerhetskopian.`,
    plugin: (n) => `Ett program i arbetsyta ${n} anger ett insticksprogram som inte finns i säkerhetskopian.`,
    workspace: (n) => `Profil ${n} anger en arbetsyta som inte finns i säkerhetskopian.`,
    other: 'Den här referensen pekar inte på något i säkerhetskopian.',
  },
  /** The entities' fields a difference names (fields this version does not know are shown as they are). */
  fieldNames: {
    plugin: 'insticksprogram', column: 'kolumn', position: 'plats', config: 'konfiguration',
    bundle: 'paket', name: 'namn', version: 'version', author: 'upphovsperson', description: 'beskrivning',
    manifestUrl: 'manifest-URL', enabled: 'aktiverat', icon: 'ikon', configuration: 'konfiguration',
    permissions: 'behörigheter', permissionMappings: 'behörighetsmappningar', requirementMappings: 'kravmappningar',
    owner: 'ägare', shared: 'delad', layout: 'layout', applications: 'program', roles: 'roller',
    workspaces: 'arbetsytor', key: 'nyckel', value: 'värde', secret: 'hemlig',
  },
  kind: { plugins: 'insticksprogram', workspaces: 'arbetsyta', profiles: 'profil', keys: 'konfiguration i nyckelarkivet' },
};
