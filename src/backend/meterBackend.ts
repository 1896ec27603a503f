import { z } from 'zod';
import { OtpInput } from './backendInput';

/**
 * The discom's meter backend as Sampark needs it. Every shape is a zod schema, so the HTTP client
 * validates what the wire brings and the simulator is held to the same contract.
 * Money is in rupees (two decimals), times are ISO-8601 instants.
 */

/** An instant with its zone: "Z" or an offset such as "+05:30", as a discom's backend may send. */
const instant = z.iso.datetime({ offset: true });

export const DiscomSchema = z.enum(['SBPDCL', 'NBPDCL']);

/** Where a consumer's field team sits: circle > division > sub-division > section. */
export const AreaSchema = z.object({
  circle: z.string(),
  division: z.string(),
  subDivision: z.string(),
  section: z.string(),
});
export type Area = z.infer<typeof AreaSchema>;

/** A point on the map (WGS 84 degrees): where a connection's meter is, as the discom surveyed it. */
export const GeoPointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPointSchema>;

export const ConsumerSchema = z.object({
  caNumber: z.string().regex(/^\d{9,12}$/),
  name: z.string(),
  address: z.string(),
  /** Registered primary mobile (10 digits), null when the consumer never registered one. */
  mobile: z.string().regex(/^[6-9]\d{9}$/).nullable(),
  meterNumber: z.string(),
  discom: DiscomSchema,
  area: AreaSchema,
  urban: z.boolean(),
  /** Where the meter is, when the discom has surveyed it: the field team's map link. */
  location: GeoPointSchema.optional(),
});
export type Consumer = z.infer<typeof ConsumerSchema>;

export const DebitKindSchema = z.enum(['energy', 'fixed_charge', 'duty', 'arrears_instalment']);
export type DebitKind = z.infer<typeof DebitKindSchema>;

export const DebitSchema = z.object({ kind: DebitKindSchema, amount: z.number(), at: instant });
export type Debit = z.infer<typeof DebitSchema>;

export const MeterStatusSchema = z.object({
  caNumber: z.string(),
  /** Negative when the consumer owes; supply is cut after the grace period. */
  balance: z.number(),
  relay: z.enum(['connected', 'disconnected']),
  /** False when the head-end has not heard from the meter recently: recharges and reconnects cannot reach it. */
  communicating: z.boolean(),
  lastCommunicationAt: instant,
  lastRecharge: z.object({ amount: z.number(), at: instant }).nullable(),
  /** Most recent first, up to a week. */
  dailyConsumption: z.array(z.object({ date: z.iso.date(), units: z.number(), amount: z.number() })),
  /** Month-to-date deductions by kind. */
  monthToDate: z.object({
    energy: z.number(),
    fixedCharge: z.number(),
    duty: z.number(),
    arrearsInstalment: z.number(),
  }),
  /** Debits of the last few days, most recent first. */
  recentDebits: z.array(DebitSchema),
  /** Postpaid-era dues being recovered from recharges, null when none. */
  arrears: z.object({ outstanding: z.number(), instalment: z.number() }).nullable(),
});
export type MeterStatus = z.infer<typeof MeterStatusSchema>;

export const PaymentSchema = z.object({
  reference: z.string(),
  caNumber: z.string(),
  amount: z.number(),
  paidAt: instant,
  status: z.enum(['pending', 'credited', 'failed']),
  creditedAt: instant.nullable(),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const ReconnectResultSchema = z.object({
  outcome: z.enum(['reconnect_sent', 'already_connected', 'insufficient_balance', 'not_communicating']),
  /** How long the consumer should wait before the supply comes back (reconnect_sent only). */
  expectedMinutes: z.number().int().nonnegative(),
});
export type ReconnectResult = z.infer<typeof ReconnectResultSchema>;

/**
 * A page of the discom's payment gateway for one consumer, the amount filled in when one was given:
 * the bot offers it as a button where it tells a consumer to recharge.
 */
export const PaymentLinkSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  /** Rupees, or null when the consumer chooses the amount on the page. */
  amount: z.number().positive().nullable(),
  /** After this the page refuses the payment; ask for a new link. */
  expiresAt: instant,
});
export type PaymentLink = z.infer<typeof PaymentLinkSchema>;

/** Where an OTP of a mobile change goes: the number registered now, or the one replacing it. */
export const OtpDestinationSchema = z.enum(['registered_mobile', 'new_mobile']);
export type OtpDestination = z.infer<typeof OtpDestinationSchema>;

/**
 * What proves the right to change a connection's mobile. An OTP to the new number proves only the new
 * number, so every change also carries one of these: an OTP to the number registered now (its holder
 * agrees), or, when that SIM is lost or none was ever registered, the meter serial on the sticker at
 * the premises and the amount of the last recharge, which the backend checks against its records.
 */
export const MobileUpdateProofSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registered_mobile_otp') }),
  z.object({
    kind: z.literal('meter_and_last_recharge'),
    meterNumber: z.string().regex(/^[A-Z0-9]{4,20}$/),
    lastRechargeAmount: z.number().positive().max(1_000_000),
  }),
]);
export type MobileUpdateProof = z.infer<typeof MobileUpdateProofSchema>;

export const MobileUpdateStartSchema = z.discriminatedUnion('outcome', [
  /** OTPs went to every destination listed; confirm them all before `expiresAt`. */
  z.object({
    outcome: z.literal('otp_sent'),
    requestId: z.string(),
    expiresAt: instant,
    sentTo: z.array(OtpDestinationSchema).min(1),
  }),
  /** The meter serial or the last recharge did not match (which one is not said); nothing was sent. */
  z.object({ outcome: z.literal('proof_rejected') }),
  /** An OTP to the registered number was asked for, but none is registered; nothing was sent. */
  z.object({ outcome: z.literal('no_registered_mobile') }),
]);
export type MobileUpdateStart = z.infer<typeof MobileUpdateStartSchema>;

/** The OTPs a requester typed: always the new number's, and the registered number's when one was sent. */
export const MobileUpdateOtpsSchema = z.object({
  newMobile: OtpInput,
  registeredMobile: OtpInput.optional(),
});
export type MobileUpdateOtps = z.infer<typeof MobileUpdateOtpsSchema>;

export const MobileUpdateConfirmationSchema = z.discriminatedUnion('outcome', [
  /** Changed; the number registered before (if any) was told by SMS. */
  z.object({ outcome: z.literal('updated'), previousMobileNotified: z.boolean() }),
  /** Which of the OTPs did not match (a missing one counts as wrong), and how many tries remain. */
  z.object({
    outcome: z.literal('wrong_otp'),
    attemptsLeft: z.number().int().positive(),
    wrong: z.array(OtpDestinationSchema).min(1),
  }),
  z.object({ outcome: z.literal('expired') }),
  z.object({ outcome: z.literal('locked') }),
]);
export type MobileUpdateConfirmation = z.infer<typeof MobileUpdateConfirmationSchema>;

export const PlannedOutageSchema = z.object({
  section: z.string(),
  from: instant,
  until: instant,
  reason: z.string(),
});
export type PlannedOutage = z.infer<typeof PlannedOutageSchema>;

/**
 * Which consumers a campaign reaches; every given criterion must hold. Supply cut means the relay is
 * open on a balance that is not positive, for at least this many hours.
 */
export const TargetCriteriaSchema = z.object({
  supplyCutHours: z.number().nonnegative().optional(),
  balanceBelow: z.number().optional(),
  /** True: only consumers without a registered mobile (the visit list); absent or false: anyone. */
  noMobile: z.boolean().optional(),
  division: z.string().trim().min(1).max(100).optional(),
  section: z.string().trim().min(1).max(100).optional(),
});
export type TargetCriteria = z.infer<typeof TargetCriteriaSchema>;

/** A consumer a campaign may reach, with what the criteria looked at. */
export const CampaignTargetSchema = z.object({
  caNumber: z.string().regex(/^\d{9,12}$/),
  mobile: z.string().regex(/^[6-9]\d{9}$/).nullable(),
  area: AreaSchema,
  urban: z.boolean(),
  balance: z.number(),
  /** When the supply was cut for a balance that ran out; null while it is on. */
  supplyCutAt: instant.nullable(),
});
export type CampaignTarget = z.infer<typeof CampaignTargetSchema>;

/** One page of targets in CA order; `nextCursor` asks for the next page, null on the last. */
export const TargetPageSchema = z.object({
  targets: z.array(CampaignTargetSchema),
  nextCursor: z.string().nullable(),
});
export type TargetPage = z.infer<typeof TargetPageSchema>;

/** The largest page a caller may ask for. */
export const MAX_TARGET_PAGE = 1000;

/** The backend could not answer (timeout, unreachable, 5xx, malformed reply, breaker open). */
export class BackendUnavailableError extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable' | 'server_error' | 'bad_response' | 'circuit_open',
    detail?: string,
  ) {
    super(`meter backend unavailable: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'BackendUnavailableError';
  }
}

/**
 * Operations keyed by CA number answer null when the backend does not know the consumer.
 * Transport failures throw BackendUnavailableError; nothing else is thrown for expected outcomes.
 * Malformed arguments (a CA number with letters, a 5-digit OTP) throw RangeError before any call:
 * callers parse what consumers type first (see dialogs/common/parsers).
 */
export interface MeterBackend {
  findConsumer(caNumber: string): Promise<Consumer | null>;
  /** Connections whose registered mobile is this number (a WhatsApp sender, for example). */
  findConnectionsByMobile(mobile: string): Promise<Consumer[]>;
  getMeterStatus(caNumber: string): Promise<MeterStatus | null>;
  /** A payment by UTR or app transaction id, for this consumer only; null when not found. */
  findPayment(caNumber: string, reference: string): Promise<Payment | null>;
  requestReconnect(caNumber: string): Promise<ReconnectResult | null>;
  /**
   * Starts changing the registered mobile when `proof` holds: OTPs to the new number and, for
   * `registered_mobile_otp`, to the registered one. A new start replaces the consumer's earlier one.
   * Null when the consumer is unknown.
   */
  startMobileUpdate(caNumber: string, newMobile: string, proof: MobileUpdateProof): Promise<MobileUpdateStart | null>;
  /** Changes the mobile when every OTP sent matches, and tells the number registered before by SMS. */
  confirmMobileUpdate(requestId: string, otps: MobileUpdateOtps): Promise<MobileUpdateConfirmation>;
  /**
   * A payment page for this consumer, with `amount` (rupees, ₹1 to ₹1,00,000) filled in when given;
   * null when the consumer is unknown.
   */
  createPaymentLink(caNumber: string, amount: number | null): Promise<PaymentLink | null>;
  /** A planned shutdown affecting this consumer's section now or soon, if the backend knows one. */
  findPlannedOutage(caNumber: string): Promise<PlannedOutage | null>;
  /**
   * Consumers matching `criteria`, a page of at most `limit` (1 to MAX_TARGET_PAGE) after `cursor`
   * (null for the first page). Meters the head-end cannot read are left out.
   */
  findTargets(criteria: TargetCriteria, cursor: string | null, limit: number): Promise<TargetPage>;
}
