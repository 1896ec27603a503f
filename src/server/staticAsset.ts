import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/** A file served as is, with a validator so a phone does not download it twice. */
export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  /** Seconds a browser may reuse it without asking. */
  maxAge: number;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function asset(type: string, body: Buffer, maxAge: number): Asset {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { type, body, gzipped: gzipSync(body), etag, maxAge };
}

/** Answers with the asset, gzipped when the client takes it, 304 when it already has this version. */
export function serve(req: Request, res: Response, file: Asset, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    ETag: file.etag,
    'Cache-Control': file.maxAge > 0 ? `public, max-age=${file.maxAge}` : 'no-cache',
    Vary: 'Accept-Encoding',
    ...extraHeaders,
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped : file.body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(body.length) });
  res.end(body);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that cannot close the script element it sits in. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
