import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import type { Translator } from '../../i18n/translator';
import { LANGUAGES, type Language } from '../../i18n/language';
import { projectRoot } from '../../projectRoot';
import { asset, escapeHtml, scriptSafeJson, serve, type Asset } from '../../server/staticAsset';
import type { WebChatBranding } from './directLineSettings';

/** What the page is made from. */
export interface WebChatPageParts {
  branding: WebChatBranding;
  translator: Translator;
}

const PAGE_STRINGS = ['title', 'chooseLanguage', 'intro', 'newChat', 'unavailable', 'restarted', 'reconnecting'] as const;

/**
 * The page at / and /chat, its script and style, and Web Chat's prebuilt bundle from the installed
 * botframework-webchat package (no CDN: the page works where only this server is reachable).
 */
export function addWebChatPageRoutes(server: Server, parts: WebChatPageParts): void {
  const publicDir = path.join(projectRoot(), 'public');
  const page = asset('text/html; charset=utf-8', Buffer.from(renderPage(publicDir, parts), 'utf8'), 0);
  const script = asset('text/javascript; charset=utf-8', fs.readFileSync(path.join(publicDir, 'page.js')), 0);
  const style = asset('text/css; charset=utf-8', fs.readFileSync(path.join(publicDir, 'page.css')), 0);
  // Read and compressed on first use: 3.9 MB, about a quarter of it gzipped, which matters on mobile data.
  let bundle: Asset | undefined;
  const webChatBundle = () => (bundle ??= asset('text/javascript; charset=utf-8', fs.readFileSync(webChatBundlePath()), 86_400));
  const security = securityHeaders(parts.branding);

  for (const route of ['/', '/chat']) {
    server.get(route, (req, res, next) => {
      serve(req, res, page, security);
      next();
    });
  }
  server.get('/webchat/page.js', (req, res, next) => {
    serve(req, res, script);
    next();
  });
  server.get('/webchat/page.css', (req, res, next) => {
    serve(req, res, style);
    next();
  });
  server.get('/webchat/webchat.js', (req, res, next) => {
    serve(req, res, webChatBundle());
    next();
  });
  server.get('/favicon.ico', (_req, res, next) => {
    res.send(204);
    next();
  });
}

/** The prebuilt Web Chat bundle (React included) inside the installed package. */
export function webChatBundlePath(): string {
  // The package's exports map hides dist/, but its CommonJS entry sits in lib/ beside it.
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

function renderPage(publicDir: string, parts: WebChatPageParts): string {
  const { branding, translator } = parts;
  const strings = Object.fromEntries(
    LANGUAGES.map((language) => [language, pageStrings(translator, language, branding.discomName)]),
  ) as Record<Language, Record<(typeof PAGE_STRINGS)[number], string>>;
  const config = {
    primaryColor: branding.primaryColor,
    directLineDomain: branding.directLineDomain ?? null,
    tokenUrl: branding.tokenUrl ?? null,
    strings,
    languageNames: { hi: translator.forLanguage('hi')('language.hindi'), en: translator.forLanguage('en')('language.english') },
  };
  const template = fs.readFileSync(path.join(publicDir, 'index.html'), 'utf8');
  return template
    .replaceAll('%%TITLE%%', escapeHtml(`${strings.hi.title} · ${strings.en.title}`))
    .replaceAll('%%PRIMARY_COLOR%%', escapeHtml(branding.primaryColor))
    .replace('%%CONFIG%%', () => scriptSafeJson(config));
}

function pageStrings(translator: Translator, language: Language, discom: string): Record<string, string> {
  const t = translator.forLanguage(language);
  return Object.fromEntries(PAGE_STRINGS.map((key) => [key, t(`webChat.${key}`, { discom })]));
}

/**
 * Scripts only from this server; Web Chat sets inline styles, so those are allowed. The page talks to
 * this server, or to the configured Direct Line and token service.
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
