import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { LANGUAGES, type Language } from '../i18n/language';
import type { Translator } from '../i18n/translator';
import { projectRoot } from '../projectRoot';
import { asset, CONTENT_TYPES, scriptSafeJson, serve, type Asset } from './staticAsset';

/** A staff console: its folder under public/ and the locales namespace its strings live in. */
export interface StaffPage {
  /** Served at /<name> from public/<name>/index.html, its scripts and styles at /<name>/<file>. */
  name: string;
  /** locales/<language>/<namespace>.json */
  namespace: string;
  translator: Translator;
  /** Where the page folders and staff/ sit: the project's public/ unless given. */
  publicDir?: string;
}

/** What a staff page reads from its `staff-config` element. */
export interface StaffPageConfig {
  page: string;
  languageNames: Record<Language, string>;
  strings: Record<Language, { staff: Record<string, unknown>; page: Record<string, unknown> }>;
}

/**
 * Staff consoles are pages of this server, not separate apps: no build step, no CDN, and a policy
 * that lets them run only this server's scripts and talk only to this server. A token kept by a page
 * is worth stealing, so nothing inline runs.
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const sharedAssetsMounted = new WeakSet<Server>();

/** Serves one staff page and, once per server, the script and style every staff page shares. */
export function mountStaffPage(server: Server, page: StaffPage): void {
  const publicDir = page.publicDir ?? path.join(projectRoot(), 'public');
  if (!sharedAssetsMounted.has(server)) {
    sharedAssetsMounted.add(server);
    mountFolder(server, path.join(publicDir, 'staff'), '/staff');
  }
  const template = fs.readFileSync(path.join(publicDir, page.name, 'index.html'), 'utf8');
  const html = asset(CONTENT_TYPES['.html']!, Buffer.from(template.replace('%%STAFF_CONFIG%%', () => scriptSafeJson(pageConfig(page))), 'utf8'), 0);
  // "/field/" as well as "/field": people type the slash, and a phone's address bar keeps it.
  for (const route of [`/${page.name}`, `/${page.name}/`]) {
    server.get(route, (req, res, next) => {
      serve(req, res, html, SECURITY_HEADERS);
      next();
    });
  }
  mountFolder(server, path.join(publicDir, page.name), `/${page.name}`);
}

function pageConfig(page: StaffPage): StaffPageConfig {
  const strings = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      { staff: page.translator.namespace(language, 'staff'), page: page.translator.namespace(language, page.namespace) },
    ]),
  ) as StaffPageConfig['strings'];
  const languageNames = {
    hi: page.translator.forLanguage('hi')('language.hindi'),
    en: page.translator.forLanguage('en')('language.english'),
  };
  return { page: page.name, languageNames, strings };
}

/** Every script and style in `folder`, read once; a name not in the folder is a 404, never a path walk. */
function mountFolder(server: Server, folder: string, route: string): void {
  const files = new Map<string, Asset>();
  for (const name of fs.readdirSync(folder)) {
    const type = CONTENT_TYPES[path.extname(name)];
    if (type && name !== 'index.html') files.set(name, asset(type, fs.readFileSync(path.join(folder, name)), 0));
  }
  // A page's service worker (sw.js) lives beside its scripts but serves the page's own address, which
  // has no trailing slash (/field): the browser allows that scope only when this header says so.
  const workerHeaders = { ...SECURITY_HEADERS, 'Service-Worker-Allowed': route };
  server.get(`${route}/:file`, (req, res, next) => {
    const name = String(req.params.file);
    const file = files.get(name);
    if (file) serve(req, res, file, name === 'sw.js' ? workerHeaders : SECURITY_HEADERS);
    else res.send(404, { error: 'not_found' });
    next();
  });
}
