import { brotliDecompress, gunzip, inflate, type InputType, type ZlibOptions } from 'node:zlib';
import type { BodyRefusal } from './requestBody';

type Decoder = (input: InputType, options: ZlibOptions, callback: (error: Error | null, result: Buffer) => void) => void;

const DECODERS: Record<string, Decoder> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  deflate: inflate,
  br: brotliDecompress as Decoder,
};

/**
 * The body with its Content-Encoding undone, or why not. The limit counts INFLATED bytes (zlib stops
 * at `maxOutputLength`), so a small bomb cannot fill the heap; bytes that are not what the header
 * claims are a 400, never an exception. One encoding at most: nobody sends a chain of them.
 */
export async function decodeContent(raw: Buffer, encoding: string | undefined, maxBytes: number): Promise<{ ok: true; body: Buffer } | BodyRefusal> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return { ok: true, body: raw };
  const decoder = DECODERS[name];
  if (!decoder) return { ok: false, status: 415, error: 'unsupported_encoding' };
  return new Promise((resolve) => {
    decoder(raw, { maxOutputLength: maxBytes }, (error, body) => {
      if (!error) return resolve({ ok: true, body });
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
      resolve(tooLarge ? { ok: false, status: 413, error: 'body_too_large' } : { ok: false, status: 400, error: 'body_not_decodable' });
    });
  });
}
