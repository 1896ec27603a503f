import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Request, Server } from 'restify';
import type { Translator } from '../../i18n/translator';
import { LANGUAGES, type Language } from '../../i18n/language';
import { projectRoot } from '../../projectRoot';
import { asset, contentHash, escapeHtml, immutableAsset, scriptSafeJson, serve, type Asset } from '../../server/staticAsset';
import type { WebChatBranding } from './directLineSettings';
import { webChatBundle } from './webChatBundle';
import { visitorLanguage } from './visitorLanguage';

/** What the bot says first: the page shows it before any script has run. */
export interface WebChatGreeting {
  text(language: Language): string;
  /** The menu's options, as the bot offers them under the greeting. */
  choices(language: Language): string[];
}

/** What the page is made from. */
export interface WebChatPageParts {
  branding: WebChatBranding;
  translator: Translator;
  greeting: WebChatGreeting;
}

const PAGE_STRINGS = ['title', 'newChat', 'unavailable', 'restarted', 'reconnecting', 'loading', 'send', 'messageHint', 'languages', 'privacyTitle'] as const;

type PageStrings = Record<(typeof PAGE_STRINGS)[number], string> & {
  greeting: string;
  menu: string[];
  /** "Helpline 1912 · day and night". */
  helpline: string;
  privacy: string;
  logo: string;
};

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.svg': 'image/svg+xml' };

/** The emblem shown until a discom configures its own logo (WEBCHAT_LOGO_PATH). */
const DEFAULT_LOGO = path.join('public', 'webchat', 'emblem.svg');

/** The page in each language, and its script and Web Chat under URLs that change with their content. */
interface PageFiles {
  pages: Record<Language, Asset>;
  /** By file name under /webchat/. */
  files: Map<string, Asset>;
}

/**
 * The page at / and /chat in the visitor's language, with the greeting and menu in its first
 * kilobytes; its script, and Web Chat built from the installed packages (no CDN: the page works
 * where only this server is reachable), both cached for good under content-hashed names.
 */
export function addWebChatPageRoutes(server: Server, parts: WebChatPageParts): { prepare(): Promise<void> } {
  // Made on the first request: building Web Chat takes seconds, and most servers in the tests never serve the page.
  let made: Promise<PageFiles> | undefined;
  const pageFiles = () =>
    (made ??= makePageFiles(parts).catch((error: unknown) => {
      made = undefined;
      throw error;
    }));
  const security = securityHeaders(parts.branding);

  for (const route of ['/', '/chat']) {
    server.get(route, async (req, res) => {
      const language = visitorLanguage(queryLanguage(req), req.headers['accept-language']);
      const { pages } = await pageFiles();
      serve(req, res, pages[language], { ...security, 'Content-Language': language, Vary: 'Accept-Encoding, Accept-Language' });
    });
  }
  server.get('/webchat/:file', async (req, res) => {
    const name = String(req.params?.file ?? '');
    const file = (await pageFiles()).files.get(name);
    if (!file) return void res.send(404);
    // An SVG opened on its own is a document: nothing in it may run.
    serve(req, res, file, name.endsWith('.svg') ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } : {});
  });
  server.get('/favicon.ico', (_req, res, next) => {
    res.send(204);
    next();
  });
  return { prepare: async () => void (await pageFiles()) };
}

async function makePageFiles(parts: WebChatPageParts): Promise<PageFiles> {
  const publicDir = path.join(projectRoot(), 'public');
  const bundle = await webChatBundle();
  const script = fs.readFileSync(path.join(publicDir, 'page.js'));
  const logoPath = parts.branding.logoPath ?? path.join(projectRoot(), DEFAULT_LOGO);
  const logo = fs.readFileSync(logoPath);
  const logoExtension = path.extname(logoPath).toLowerCase();
  const names = {
    webChat: `webchat.${bundle.hash}.js`,
    script: `page.${contentHash(script)}.js`,
    logo: `logo.${contentHash(logo)}${logoExtension}`,
  };
  const files = new Map<string, Asset>([
    [names.webChat, immutableAsset('text/javascript; charset=utf-8', bundle)],
    [names.script, immutableAsset('text/javascript; charset=utf-8', compressedForms(script))],
    [names.logo, immutableAsset(IMAGE_TYPES[logoExtension] ?? 'application/octet-stream', compressedForms(logo))],
  ]);
  const urls = { webChat: `/webchat/${names.webChat}`, script: `/webchat/${names.script}`, logo: `/webchat/${names.logo}` };
  const strings = Object.fromEntries(LANGUAGES.map((language) => [language, pageStrings(parts, language)])) as Record<Language, PageStrings>;
  const template = fs.readFileSync(path.join(publicDir, 'index.html'), 'utf8');
  const style = fs.readFileSync(path.join(publicDir, 'page.css'), 'utf8');
  const pages = Object.fromEntries(
    LANGUAGES.map((language) => {
      const html = renderPage(template, { parts, strings, language, style, urls });
      return [language, asset('text/html; charset=utf-8', Buffer.from(html, 'utf8'), 0)];
    }),
  ) as Record<Language, Asset>;
  return { pages, files };
}

interface Rendering {
  parts: WebChatPageParts;
  strings: Record<Language, PageStrings>;
  language: Language;
  /** The stylesheet, inlined: on 2G a separate request would hold the first screen back by a round trip. */
  style: string;
  urls: { webChat: string; script: string; logo: string };
}

function renderPage(template: string, { parts, strings, language, style, urls }: Rendering): string {
  const { branding, translator } = parts;
  const own = strings[language];
  const languageNames = { hi: translator.forLanguage('hi')('language.hindi'), en: translator.forLanguage('en')('language.english') };
  const config = {
    primaryColor: branding.primaryColor,
    directLineDomain: branding.directLineDomain ?? null,
    tokenUrl: branding.tokenUrl ?? null,
    language,
    webChatUrl: urls.webChat,
    strings,
    languageNames,
  };
  const languageButtons = LANGUAGES.map(
    (other) =>
      `<button type="button" class="sampark-language" data-language="${other}" lang="${other}" aria-pressed="${other === language}">${escapeHtml(languageNames[other])}</button>`,
  ).join('');
  const menu = own.menu.map((title) => `<button type="button" class="sampark-choice">${escapeHtml(title)}</button>`).join('');
  const replacements: Record<string, string> = {
    LANG: language,
    TITLE: escapeHtml(own.title),
    PRIMARY_COLOR: escapeHtml(branding.primaryColor),
    STYLE: style,
    SCRIPT_URL: urls.script,
    CONFIG: scriptSafeJson(config),
    LANGUAGE_LABEL: escapeHtml(own.languages),
    LANGUAGE_BUTTONS: languageButtons,
    NEW_CHAT: escapeHtml(own.newChat),
    GREETING: escapeHtml(own.greeting),
    MENU: menu,
    LOADING: escapeHtml(own.loading),
    MESSAGE_HINT: escapeHtml(own.messageHint),
    SEND: escapeHtml(own.send),
    LOGO_URL: urls.logo,
    LOGO_ALT: escapeHtml(own.logo),
    HELPLINE_NUMBER: escapeHtml(branding.helplineNumber),
    HELPLINE: escapeHtml(own.helpline),
    PRIVACY_TITLE: escapeHtml(own.privacyTitle),
    PRIVACY: escapeHtml(own.privacy),
  };
  return template.replace(/%%([A-Z_]+)%%/g, (marker, name: string) => replacements[name] ?? marker);
}

function pageStrings(parts: WebChatPageParts, language: Language): PageStrings {
  const t = parts.translator.forLanguage(language);
  const { discomName: discom, helplineNumber, helplineHours, privacy } = parts.branding;
  const own = Object.fromEntries(PAGE_STRINGS.map((key) => [key, t(`webChat.${key}`, { discom })])) as Record<(typeof PAGE_STRINGS)[number], string>;
  const allDay = helplineHours.from === '00:00' && helplineHours.to === '24:00';
  const hours = allDay ? t('webChat.allDay') : t('webChat.hours', { from: helplineHours.from, to: helplineHours.to });
  return {
    ...own,
    greeting: parts.greeting.text(language),
    menu: parts.greeting.choices(language),
    helpline: `${t('webChat.helpline', { number: helplineNumber })} · ${hours}`,
    privacy: t('webChat.privacy', { hours: privacy.transcriptHours, days: privacy.memoryDays }),
    logo: t('webChat.logo', { discom }),
  };
}

function compressedForms(body: Buffer): { body: Buffer; gzipped: Buffer; brotli: Buffer } {
  return { body, gzipped: gzipSync(body), brotli: brotliCompressSync(body) };
}

function queryLanguage(req: Request): string | null {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
}

/**
 * Scripts only from this server; Web Chat and the page set inline styles, so those are allowed. The
 * page talks to this server, or to the configured Direct Line and token service.
 */
function securityHeaders(branding: WebChatBranding): Record<string, string> {
  const elsewhere = [branding.directLineDomain, branding.tokenUrl].filter((url): url is string => Boolean(url)).map((url) => new URL(url));
  const connect = ["'self'", ...elsewhere.flatMap((url) => [url.origin, `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`])];
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src ${[...new Set(connect)].join(' ')}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
