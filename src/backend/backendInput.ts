import { z } from 'zod';

/**
 * What `MeterBackend` operations accept. Callers turn what people type into these shapes with the
 * parsers in `src/domain` first, so an argument that fails here is a caller bug: every implementation
 * throws a RangeError for it instead of answering, and the HTTP contract answers 400.
 */

/** A CA number, 9 to 12 ASCII digits. */
export const CaNumberInput = z.string().regex(/^\d{9,12}$/);

/** A mobile number reduced to its 10 digits, first digit 6-9. */
export const MobileInput = z.string().regex(/^[6-9]\d{9}$/);

/** The one-time password the backend sent by SMS: exactly 6 digits. */
export const OtpInput = z.string().regex(/^\d{6}$/);

/** A UPI UTR (12 digits) or an app's transaction id; safe in a URL path segment. */
export const PaymentReferenceInput = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The id the backend gave when a mobile update started; safe in a URL path segment. */
export const MobileUpdateRequestIdInput = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** An amount to pay, in rupees with at most paise: from ₹1 to ₹1,00,000. */
export const PaymentAmountInput = z
  .number()
  .min(1)
  .max(100_000)
  .refine((amount) => Number.isInteger(Math.round(amount * 100)) && Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6);

/**
 * Returns the value when it fits the schema, or throws a RangeError naming what was wrong.
 * The value itself is left out of the message: it may be a mobile number or an OTP.
 */
export function requireInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RangeError(`malformed ${what}`);
  return parsed.data;
}
