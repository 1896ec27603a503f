import { z } from 'zod';
import { MobileInput, OtpInput } from '../backendInput';
import { ConsumerSchema, PlannedOutageSchema } from '../meterBackend';

/**
 * The bodies the HTTP contract (docs/backend-openapi.yaml) adds around the port's own shapes. The
 * simulator server and the HTTP client both use these, so the two cannot drift apart.
 */

/** GET /v1/consumers?mobile=… */
export const ConsumerListSchema = z.object({ consumers: z.array(ConsumerSchema) });

/** GET /v1/consumers/{ca}/planned-outage: wrapped so "no outage" is a 200, not a 404. */
export const PlannedOutageEnvelopeSchema = z.object({ outage: PlannedOutageSchema.nullable() });

/** POST /v1/consumers/{ca}/mobile-updates */
export const MobileUpdateRequestSchema = z.object({ mobile: MobileInput });

/** POST /v1/mobile-updates/{requestId}/confirm */
export const MobileUpdateConfirmRequestSchema = z.object({ otp: OtpInput });

/** Every error response: a stable code for programs, a detail for people. */
export const ErrorBodySchema = z.object({ error: z.string(), detail: z.string().optional() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
