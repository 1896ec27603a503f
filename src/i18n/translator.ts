import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { projectRoot } from '../projectRoot';
import { LANGUAGES, type Language } from './language';

export type Translate = TFunction;

/** Reads locales/<lang>/*.json; each file is a namespace, translation.json the default one. */
export function loadLocaleResources(root = path.join(projectRoot(), 'locales')): Record<Language, Record<string, unknown>> {
  const resources = {} as Record<Language, Record<string, unknown>>;
  for (const language of LANGUAGES) {
    const folder = path.join(root, language);
    const namespaces: Record<string, unknown> = {};
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      namespaces[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    }
    resources[language] = namespaces;
  }
  return resources;
}

/**
 * One i18next instance for the process. It is shared by concurrent turns, so nobody calls
 * changeLanguage: each turn takes a fixed translator for its own language.
 */
export class Translator {
  private readonly fixed = new Map<Language, Translate>();

  private constructor(private readonly instance: i18n) {}

  static async create(): Promise<Translator> {
    const instance = i18next.createInstance();
    await instance.init({
      resources: loadLocaleResources(),
      lng: 'hi',
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
    return new Translator(instance);
  }

  /** Every string of one namespace (one locales/<language>/<namespace>.json), for pages that render in the browser. */
  namespace(language: Language, namespace: string): Record<string, unknown> {
    const bundle: unknown = this.instance.getResourceBundle(language, namespace);
    if (!bundle || typeof bundle !== 'object') throw new Error(`no locales/${language}/${namespace}.json`);
    return bundle as Record<string, unknown>;
  }

  /** A translate function bound to one language. */
  forLanguage(language: Language): Translate {
    let translate = this.fixed.get(language);
    if (!translate) {
      translate = this.instance.getFixedT(language);
      this.fixed.set(language, translate);
    }
    return translate;
  }
}
