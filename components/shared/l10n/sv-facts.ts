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
    'too-deep': (depth, max) => `Den är nästlad ${depth} nivåer djupt i objekt och listor; Dashboard tar emot ${max}.`,
    'too-large': (size, max) => `Dess anrop skulle bli ${size}; Dashboard tar emot ${max}.`,
    'lone-surrogate':
      'En text i den innehåller ett ensamt UTF-16-surrogattecken, som saknar UTF-8-form, så Dashboard kan inte lagra den som den är.',
    'name-unaddressable':
      'Dess namn kan inte vara ett segment i en URL-sökväg ("", "." och ".." försvinner när URL:en tolkas, även procentkodade).',
    'name-lone-surrogate': 'Dess namn innehåller ett ensamt UTF-16-surrogattecken, som en URL inte kan bära.',
    'undeletable-unaddressable': (what) =>
      `Dess ${what === 'id' ? 'id' : 'namn'} kan inte vara ett segment i en URL-sökväg ("", "." och ".." försvinner när URL:en tolkas), så den kan inte tas bort.`,
    'undeletable-lone-surrogate': (what) =>
      `Dess ${what === 'id' ? 'id' : 'namn'} innehåller ett ensamt UTF-16-surrogattecken, som en URL inte kan bära, så den kan inte tas bort.`,
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
  kind: { plugins: 'insticksprogram', workspaces: 'arbetsyta', profiles: 'profil', keys: 'konfiguration i nyckelarkivet' },
};
