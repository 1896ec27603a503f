import type { IncomingMessage } from 'node:http';

/** How much of a request body is read, and for how long. */
export interface BodyLimits {
  /** Bytes on the wire, and bytes after decoding a Content-Encoding. */
  maxBytes: number;
  /** The whole body must arrive within this, however slowly its bytes trickle in. */
  timeoutMs: number;
  /** Arrays and objects nested deeper than this are refused (400). */
  maxDepth: number;
}

/** Why a body was not read: the HTTP status that says so and a short code for the JSON problem. */
export interface BodyRefusal {
  ok: false;
  status: 400 | 408 | 413 | 415;
  error: 'body_too_large' | 'body_too_slow' | 'body_not_decodable' | 'unsupported_encoding' | 'unsupported_media_type' | 'malformed_json' | 'too_deeply_nested';
}

/** What the service takes unless told otherwise: its bodies are a few kilobytes of JSON. */
export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBytes: 256 * 1024, timeoutMs: 15_000, maxDepth: 64 };

export type BodyRead = { ok: true; raw: Buffer } | BodyRefusal;

/**
 * The body's bytes as they came, or why not. Never rejects: a client that sends too much or too
 * slowly is answered, not thrown at. Reading stops at the limit (the caller closes the connection),
 * so nothing past `maxBytes` is kept in memory, and a socket that trickles bytes is cut at the deadline.
 */
export function readRequestBody(req: IncomingMessage, limits: Pick<BodyLimits, 'maxBytes' | 'timeoutMs'>): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return Promise.resolve({ ok: false, status: 413, error: 'body_too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(deadline);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (!result.ok) {
        chunks.length = 0;
        // Stop reading: what is still in flight is dropped rather than buffered.
        req.pause();
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish({ ok: false, status: 413, error: 'body_too_large' });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, raw: Buffer.concat(chunks, size) });
    // An aborted upload has nobody left to answer; 400 is what the log will say.
    const onError = () => finish({ ok: false, status: 400, error: 'body_not_decodable' });
    const deadline = setTimeout(() => finish({ ok: false, status: 408, error: 'body_too_slow' }), limits.timeoutMs);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
  });
}
