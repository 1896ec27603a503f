import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** "sha256=<64 hex digits>", as Meta sends X-Hub-Signature-256. */
const SignatureHeaderSchema = z
  .string()
  .regex(/^sha256=[0-9a-fA-F]{64}$/)
  .transform((header) => Buffer.from(header.slice('sha256='.length), 'hex'));

/** The X-Hub-Signature-256 value Meta computes for `rawBody`: HMAC-SHA256 with the app secret. */
export function signatureOf(rawBody: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Whether `header` is Meta's signature of exactly these bytes. Compared in constant time, so the
 * time taken says nothing about how much of a forged signature was right.
 */
export function hasValidSignature(rawBody: Buffer, header: string | string[] | undefined, appSecret: string): boolean {
  const given = SignatureHeaderSchema.safeParse(header);
  if (!given.success) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(given.data, expected);
}
