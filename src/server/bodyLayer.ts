import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'restify';
import type { Logger } from '../log/logger';
import { decodeContent } from './contentEncoding';
import { nestsWithin } from './jsonDepth';
import { readRequestBody, type BodyLimits, type BodyRefusal } from './requestBody';

/** Every body the service takes is JSON: the Bot Framework, Direct Line, the staff APIs, WhatsApp. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * Reads, decodes and parses request bodies in place of restify's bodyParser, which pipes into zlib
 * without an error listener (one bad gzip body killed the process) and limits only compressed bytes.
 * Nothing here throws: a body that cannot be taken is answered 400/408/413/415 with a JSON problem,
 * and its connection is closed so whatever else the client sends is not read.
 */
export function bodyLayer(limits: BodyLimits, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next) => {
    if (!hasBody(req)) return next();
    void takeBody(req, limits).then((taken) => {
      if (taken.ok) {
        req.body = taken.body;
        return next();
      }
      logger.warn({ path: req.path(), status: taken.status, problem: taken.error }, 'request body refused');
      refuse(req, res, taken);
      return next(false);
    });
  };
}

async function takeBody(req: IncomingMessage, limits: BodyLimits): Promise<{ ok: true; body: unknown } | BodyRefusal> {
  const read = await readRequestBody(req, limits);
  if (!read.ok) return read;
  if (read.raw.length === 0) return { ok: true, body: undefined };
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_MEDIA_TYPE.test(mediaType)) return { ok: false, status: 415, error: 'unsupported_media_type' };
  const decoded = await decodeContent(read.raw, req.headers['content-encoding'], limits.maxBytes);
  if (!decoded.ok) return decoded;
  let body: unknown;
  try {
    body = JSON.parse(decoded.body.toString('utf8')) as unknown;
  } catch {
    return { ok: false, status: 400, error: 'malformed_json' };
  }
  if (!nestsWithin(body, limits.maxDepth)) return { ok: false, status: 400, error: 'too_deeply_nested' };
  return { ok: true, body };
}

/** Answers with a JSON problem and closes the connection once the answer is out. */
export function refuse(req: IncomingMessage, res: Response, refusal: BodyRefusal): void {
  if (!res.headersSent) {
    res.setHeader('connection', 'close');
    res.send(refusal.status, { error: refusal.error });
  }
  res.once('finish', () => req.socket.destroy());
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
