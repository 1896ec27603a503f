import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/** A file served as is, with a validator so a phone does not download it twice. */
export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
  brotli: Buffer;
  etag: string;
  /** Seconds a browser may reuse it without asking. */
  maxAge: number;
  /** Served under a URL that changes with its content, so a browser never needs to ask again. */
  immutable: boolean;
}

/** A year: what "for ever" means to caches. */
const IMMUTABLE_MAX_AGE = 31_536_000;

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function asset(type: string, body: Buffer, maxAge: number): Asset {
  return { type, body, gzipped: gzipSync(body), brotli: brotliCompressSync(body), etag: etagOf(body), maxAge, immutable: false };
}

/** A file whose URL carries its content hash, with its compressed forms made beforehand. */
export function immutableAsset(type: string, forms: { body: Buffer; gzipped: Buffer; brotli: Buffer }): Asset {
  return { type, ...forms, etag: etagOf(forms.body), maxAge: IMMUTABLE_MAX_AGE, immutable: true };
}

/** The first 16 hex digits of the body's SHA-256, for a URL that changes with the content. */
export function contentHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Answers with the asset, brotli or gzip when the client takes it, 304 when it already has this version. */
export function serve(req: Request, res: Response, file: Asset, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    ETag: file.etag,
    'Cache-Control': cacheControl(file),
    Vary: 'Accept-Encoding',
    ...extraHeaders,
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  const body = encoding === 'br' ? file.brotli : encoding === 'gzip' ? file.gzipped : file.body;
  res.writeHead(200, { ...headers, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': String(body.length) });
  res.end(body);
}

function cacheControl(file: Asset): string {
  if (file.immutable) return `public, max-age=${file.maxAge}, immutable`;
  return file.maxAge > 0 ? `public, max-age=${file.maxAge}` : 'no-cache';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that cannot close the script element it sits in. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
