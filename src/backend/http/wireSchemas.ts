import { z } from 'zod';
import { CaNumberInput, MobileInput, PaymentAmountInput } from '../backendInput';
import {
  ConsumerSchema,
  MAX_TARGET_PAGE,
  MobileUpdateOtpsSchema,
  MobileUpdateProofSchema,
  PlannedOutageSchema,
  TargetCriteriaSchema,
} from '../meterBackend';

/**
 * The bodies the HTTP contract (docs/backend-openapi.yaml) adds around the port's own shapes. The
 * simulator server and the HTTP client both use these, so the two cannot drift apart.
 */

/** GET /v1/consumers?mobile=… */
export const ConsumerListSchema = z.object({ consumers: z.array(ConsumerSchema) });

/** GET /v1/consumers/{ca}/planned-outage: wrapped so "no outage" is a 200, not a 404. */
export const PlannedOutageEnvelopeSchema = z.object({ outage: PlannedOutageSchema.nullable() });

/** GET /v1/targets?…: the criteria, the page size and where the previous page ended, as query text. */
export const TargetQuerySchema = z.object({
  supplyCutHours: z.coerce.number().nonnegative().optional(),
  balanceBelow: z.coerce.number().finite().optional(),
  noMobile: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  division: TargetCriteriaSchema.shape.division,
  section: TargetCriteriaSchema.shape.section,
  cursor: CaNumberInput.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_TARGET_PAGE),
});

/** POST /v1/consumers/{ca}/mobile-updates: the new number and what proves the right to change it. */
export const MobileUpdateRequestSchema = z.object({ mobile: MobileInput, proof: MobileUpdateProofSchema });

/** POST /v1/mobile-updates/{requestId}/confirm: every OTP the requester received. */
export const MobileUpdateConfirmRequestSchema = z.object({ otps: MobileUpdateOtpsSchema });

/** POST /v1/consumers/{ca}/payment-links: the amount to fill in, or null to let the consumer choose. */
export const PaymentLinkRequestSchema = z.object({ amount: PaymentAmountInput.nullable() });

/** Every error response: a stable code for programs, a detail for people. */
export const ErrorBodySchema = z.object({ error: z.string(), detail: z.string().optional() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
