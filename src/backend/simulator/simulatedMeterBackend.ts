import { systemClock } from '../../domain/clock';
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { maskMobile } from '../../domain/mask';
import {
  CaNumberInput,
  MobileInput,
  MobileUpdateRequestIdInput,
  PaymentAmountInput,
  PaymentReferenceInput,
  requireInput,
} from '../backendInput';
import {
  BackendUnavailableError,
  MAX_TARGET_PAGE,
  MobileUpdateOtpsSchema,
  MobileUpdateProofSchema,
  TargetCriteriaSchema,
  type CampaignTarget,
  type Consumer,
  type MeterBackend,
  type MeterStatus,
  type MobileUpdateConfirmation,
  type MobileUpdateOtps,
  type MobileUpdateProof,
  type MobileUpdateStart,
  type OtpDestination,
  type Payment,
  type PaymentLink,
  type PlannedOutage,
  type ReconnectResult,
  type TargetCriteria,
  type TargetPage,
} from '../meterBackend';
import { POPULATION_FIRST_CA, POPULATION_SIZE, populationCaOfMobile, populationProfiles } from './population';
import { connectionFrom, seedConsumers, type Profile, type SeededConnection } from './seedConsumers';

/** What the simulator would have sent by SMS; the demo shows it so a tester can finish the journey. */
export interface OtpSentEvent {
  caNumber: string;
  /** Whose phone it went to: the number registered now, or the new one. */
  to: OtpDestination;
  maskedMobile: string;
  otp: string;
}

/** The SMS the backend sends the number registered before, once a change is made. */
export interface MobileChangeNoticeEvent {
  caNumber: string;
  /** The number that was told (the one replaced). */
  maskedMobile: string;
}

/** Knobs for tests and demos; every one has a realistic default. */
export interface SimulatedMeterBackendOptions {
  /** The simulator's clock. Seeds are laid out relative to it when the instance is created. */
  now?: () => Date;
  /** Makes the 6-digit OTP for a destination; crypto-random by default. */
  otpGenerator?: (to: OtpDestination) => string;
  /** Called with every OTP "sent", to the registered number or the new one. */
  onOtpSent?: (event: OtpSentEvent) => void;
  /** Called when the number registered before is "told" of a change. */
  onMobileChangeNotice?: (event: MobileChangeNoticeEvent) => void;
  /** How long an OTP stays valid; 10 minutes by default. */
  otpTtlMinutes?: number;
  /** Wrong OTPs allowed before the request locks; 3 by default. */
  otpMaxAttempts?: number;
  /** Delay added to every answer, to make a demo feel like a remote system; 0 by default. */
  latencyMs?: number;
  /**
   * Where the simulator's payment page is served (see paymentPage.ts), without a trailing slash:
   * payment links are this plus a token. The demo server's own /simulator/pay by default.
   */
  paymentPageUrl?: string;
}

/** What paying through a link did. */
export type PaymentByLink =
  | { outcome: 'credited'; caNumber: string; amount: number; reference: string; balance: number; supplyRestored: boolean }
  | { outcome: 'expired' | 'unknown' };

/** The head-end's expected delay between a reconnect command and supply coming back. */
const RECONNECT_EXPECTED_MINUTES = 15;
/** A payment link works this long. */
const PAYMENT_LINK_TTL_MS = 30 * 60_000;
/** Where the demo server (npm start with its defaults) serves the payment page. */
/** Where Sampark's own server serves the page for its built-in simulator. */
export const SIMULATOR_PAYMENT_PATH = '/simulator/pay';
const DEFAULT_PAYMENT_PAGE_URL = `http://127.0.0.1:3978${SIMULATOR_PAYMENT_PATH}`;

/** A planned shutdown starting within this window counts as "soon". */
const OUTAGE_LOOKAHEAD_MS = 24 * 60 * 60_000;

interface PendingMobileUpdate {
  caNumber: string;
  newMobile: string;
  /** The OTP each destination was sent; a change needs every one of them. */
  otps: Partial<Record<OtpDestination, string>>;
  expiresAt: Date;
  attemptsLeft: number;
}

/**
 * An in-process meter backend with seeded Bihar consumers (see DEMO_CONSUMERS). Each instance has
 * its own state: a reconnect closes the relay, a confirmed mobile update changes the mobile.
 */
export class SimulatedMeterBackend implements MeterBackend {
  private readonly now: () => Date;
  private readonly otpGenerator: (to: OtpDestination) => string;
  private readonly onOtpSent: (event: OtpSentEvent) => void;
  private readonly onMobileChangeNotice: (event: MobileChangeNoticeEvent) => void;
  private readonly otpTtlMs: number;
  private readonly otpMaxAttempts: number;
  private readonly latencyMs: number;
  private readonly connections: Map<string, SeededConnection>;
  private readonly plannedOutages: PlannedOutage[];
  private readonly pendingMobileUpdates = new Map<string, PendingMobileUpdate>();
  private readonly paymentLinks = new Map<string, { caNumber: string; amount: number | null; expiresAt: Date }>();
  private readonly paymentPageUrl: string;
  /** The crowd behind the demo consumers, made on first use (see population.ts). */
  private population: Profile[] | null = null;
  /** When the simulator's world was laid out; the crowd's times are relative to it too. */
  private readonly seededAt: Date;

  constructor(options: SimulatedMeterBackendOptions = {}) {
    this.now = options.now ?? systemClock;
    this.otpGenerator = options.otpGenerator ?? (() => String(randomInt(0, 1_000_000)).padStart(6, '0'));
    this.onOtpSent = options.onOtpSent ?? (() => undefined);
    this.onMobileChangeNotice = options.onMobileChangeNotice ?? (() => undefined);
    this.otpTtlMs = (options.otpTtlMinutes ?? 10) * 60_000;
    this.otpMaxAttempts = options.otpMaxAttempts ?? 3;
    this.latencyMs = options.latencyMs ?? 0;
    this.paymentPageUrl = options.paymentPageUrl ?? DEFAULT_PAYMENT_PAGE_URL;
    this.seededAt = this.now();
    const seed = seedConsumers(this.seededAt);
    this.connections = new Map(seed.connections.map((c) => [c.consumer.caNumber, c]));
    this.plannedOutages = seed.plannedOutages;
  }

  /** @inheritdoc */
  async findConsumer(caNumber: string): Promise<Consumer | null> {
    const connection = await this.connection(caNumber);
    return connection ? structuredClone(connection.consumer) : null;
  }

  /** @inheritdoc */
  async findConnectionsByMobile(mobile: string): Promise<Consumer[]> {
    requireInput(MobileInput, mobile, 'mobile number');
    await this.answerDelay();
    // A crowd consumer is laid out only when the mobile is one the crowd was given: the lookups
    // every WhatsApp conversation makes never build the crowd for a demo number.
    const crowdCa = populationCaOfMobile(mobile);
    if (crowdCa) this.connectionOf(crowdCa);
    const matching = [...this.connections.values()].filter((c) => c.consumer.mobile === mobile);
    if (matching.some((c) => c.backendFault)) throw simulatedFault();
    return matching
      .map((c) => structuredClone(c.consumer))
      .sort((a, b) => a.caNumber.localeCompare(b.caNumber));
  }

  /** @inheritdoc */
  async getMeterStatus(caNumber: string): Promise<MeterStatus | null> {
    const connection = await this.connection(caNumber);
    return connection ? structuredClone(connection.meter) : null;
  }

  /** @inheritdoc */
  async findPayment(caNumber: string, reference: string): Promise<Payment | null> {
    requireInput(PaymentReferenceInput, reference, 'payment reference');
    const connection = await this.connection(caNumber);
    const payment = connection?.payments.find((p) => p.reference === reference);
    return payment ? structuredClone(payment) : null;
  }

  /** @inheritdoc */
  async createPaymentLink(caNumber: string, amount: number | null): Promise<PaymentLink | null> {
    const wanted = amount === null ? null : requireInput(PaymentAmountInput, amount, 'amount');
    const connection = await this.connection(caNumber);
    if (!connection) return null;
    const token = randomUUID().replaceAll('-', '');
    const expiresAt = new Date(this.now().getTime() + PAYMENT_LINK_TTL_MS);
    this.paymentLinks.set(token, { caNumber: connection.consumer.caNumber, amount: wanted, expiresAt });
    return { url: `${this.paymentPageUrl}/${token}`, amount: wanted, expiresAt: expiresAt.toISOString() };
  }

  /** The link behind a payment page's token, while it is valid; what the page shows before paying. */
  paymentLinkOf(token: string): { caNumber: string; amount: number | null } | null {
    const link = this.paymentLinks.get(token);
    if (!link || link.expiresAt.getTime() <= this.now().getTime()) return null;
    return { caNumber: link.caNumber, amount: link.amount };
  }

  /**
   * The simulated gateway took the money: the meter is credited at once, the payment is on record
   * (credited, with a UTR), and a relay opened for a balance that ran out closes once it is positive.
   * A link pays once.
   */
  async payByLink(token: string, amount: number): Promise<PaymentByLink> {
    const paid = requireInput(PaymentAmountInput, amount, 'amount');
    const link = this.paymentLinks.get(token);
    if (!link) return { outcome: 'unknown' };
    if (link.expiresAt.getTime() <= this.now().getTime()) return { outcome: 'expired' };
    this.paymentLinks.delete(token);
    const connection = this.connectionOf(link.caNumber);
    if (!connection) return { outcome: 'unknown' };
    const at = this.now().toISOString();
    const reference = String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100, 999));
    const meter = connection.meter;
    meter.balance = Math.round((meter.balance + paid) * 100) / 100;
    meter.lastRecharge = { amount: paid, at };
    connection.payments.push({ reference, caNumber: link.caNumber, amount: paid, status: 'credited', paidAt: at, creditedAt: at });
    const supplyRestored = meter.relay === 'disconnected' && meter.balance > 0 && meter.communicating;
    if (supplyRestored) meter.relay = 'connected';
    return { outcome: 'credited', caNumber: link.caNumber, amount: paid, reference, balance: meter.balance, supplyRestored };
  }

  /**
   * The head-end's rules, in its order: it cannot reach a silent meter at all, it will not close the
   * relay on a balance that is not positive, and closing a closed relay is a no-op.
   */
  async requestReconnect(caNumber: string): Promise<ReconnectResult | null> {
    const connection = await this.connection(caNumber);
    if (!connection) return null;
    const meter = connection.meter;
    if (!meter.communicating) return { outcome: 'not_communicating', expectedMinutes: 0 };
    if (meter.balance <= 0) return { outcome: 'insufficient_balance', expectedMinutes: 0 };
    if (meter.relay === 'connected') return { outcome: 'already_connected', expectedMinutes: 0 };
    meter.relay = 'connected';
    return { outcome: 'reconnect_sent', expectedMinutes: RECONNECT_EXPECTED_MINUTES };
  }

  /**
   * Starts a mobile update once the proof holds; a new request for the same consumer replaces any
   * earlier one, even a rejected one, so a guesser cannot keep an old request's attempts alive.
   */
  async startMobileUpdate(caNumber: string, newMobile: string, proof: MobileUpdateProof): Promise<MobileUpdateStart | null> {
    requireInput(MobileInput, newMobile, 'mobile number');
    requireInput(MobileUpdateProofSchema, proof, 'proof');
    const connection = await this.connection(caNumber);
    if (!connection) return null;
    for (const [requestId, pending] of this.pendingMobileUpdates) {
      if (pending.caNumber === caNumber) this.pendingMobileUpdates.delete(requestId);
    }
    const registered = connection.consumer.mobile;
    if (proof.kind === 'registered_mobile_otp' && registered === null) return { outcome: 'no_registered_mobile' };
    if (proof.kind === 'meter_and_last_recharge' && !provesConnection(connection, proof)) return { outcome: 'proof_rejected' };

    const destinations: Array<[OtpDestination, string]> = [
      ...(proof.kind === 'registered_mobile_otp' && registered ? [['registered_mobile', registered] as [OtpDestination, string]] : []),
      ['new_mobile', newMobile],
    ];
    const otps: PendingMobileUpdate['otps'] = {};
    for (const [to, mobile] of destinations) {
      const otp = this.otpGenerator(to);
      otps[to] = otp;
      this.onOtpSent({ caNumber, to, maskedMobile: maskMobile(mobile), otp });
    }
    const requestId = randomUUID();
    const expiresAt = new Date(this.now().getTime() + this.otpTtlMs);
    this.pendingMobileUpdates.set(requestId, { caNumber, newMobile, otps, expiresAt, attemptsLeft: this.otpMaxAttempts });
    return { outcome: 'otp_sent', requestId, expiresAt: expiresAt.toISOString(), sentTo: destinations.map(([to]) => to) };
  }

  /**
   * Checks every OTP the request sent. An unknown or used request reads as expired, so a replayed OTP
   * never updates twice; a locked request stays locked until it expires. On success the number
   * registered before is told, so a change its holder did not make does not go unnoticed.
   */
  async confirmMobileUpdate(requestId: string, otps: MobileUpdateOtps): Promise<MobileUpdateConfirmation> {
    requireInput(MobileUpdateRequestIdInput, requestId, 'mobile update request id');
    requireInput(MobileUpdateOtpsSchema, otps, 'OTPs');
    await this.answerDelay();
    const pending = this.pendingMobileUpdates.get(requestId);
    if (!pending || this.now() >= pending.expiresAt) {
      this.pendingMobileUpdates.delete(requestId);
      return { outcome: 'expired' };
    }
    if (pending.attemptsLeft === 0) return { outcome: 'locked' };
    const given: Partial<Record<OtpDestination, string>> = { new_mobile: otps.newMobile, registered_mobile: otps.registeredMobile };
    const wrong = (Object.entries(pending.otps) as Array<[OtpDestination, string]>)
      .filter(([to, expected]) => !sameSecret(given[to] ?? '', expected))
      .map(([to]) => to);
    if (wrong.length > 0) {
      pending.attemptsLeft -= 1;
      return pending.attemptsLeft === 0 ? { outcome: 'locked' } : { outcome: 'wrong_otp', attemptsLeft: pending.attemptsLeft, wrong };
    }
    this.pendingMobileUpdates.delete(requestId);
    const connection = this.connections.get(pending.caNumber);
    const previous = connection?.consumer.mobile ?? null;
    if (connection) connection.consumer.mobile = pending.newMobile;
    if (previous) this.onMobileChangeNotice({ caNumber: pending.caNumber, maskedMobile: maskMobile(previous) });
    return { outcome: 'updated', previousMobileNotified: previous !== null };
  }

  /** @inheritdoc */
  async findPlannedOutage(caNumber: string): Promise<PlannedOutage | null> {
    const connection = await this.connection(caNumber);
    if (!connection) return null;
    const now = this.now().getTime();
    const outage = this.plannedOutages.find(
      (o) =>
        o.section === connection.consumer.area.section &&
        Date.parse(o.until) > now &&
        Date.parse(o.from) <= now + OUTAGE_LOOKAHEAD_MS,
    );
    return outage ? structuredClone(outage) : null;
  }

  /** @inheritdoc */
  async findTargets(criteria: TargetCriteria, cursor: string | null, limit: number): Promise<TargetPage> {
    const wanted = requireInput(TargetCriteriaSchema, criteria, 'target criteria');
    if (cursor !== null) requireInput(CaNumberInput, cursor, 'cursor');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TARGET_PAGE) throw new RangeError('malformed page limit');
    await this.answerDelay();
    const now = this.now().getTime();
    const matching = this.everyConnection().filter(
      (c) => !c.backendFault && (cursor === null || c.consumer.caNumber > cursor) && matches(c, wanted, now),
    );
    const page = matching.slice(0, limit);
    return {
      targets: page.map(targetOf),
      nextCursor: matching.length > limit ? page[page.length - 1]!.consumer.caNumber : null,
    };
  }

  /**
   * Demo consumers and the crowd in CA order (every demo CA sorts before the crowd's), as far as
   * targeting and mobile lookups need them: the crowd is read from its profiles until a connection
   * is touched, so a lookup never lays out thousands of meter histories.
   */
  private everyConnection(): TargetView[] {
    const demo = [...this.connections.values()]
      .filter((c) => !isInPopulation(c.consumer.caNumber))
      .sort((a, b) => a.consumer.caNumber.localeCompare(b.consumer.caNumber));
    const crowd = this.populationProfiles().map((profile): TargetView => {
      const touched = this.connections.get(profile.consumer.caNumber);
      return touched ? viewOf(touched) : profileView(profile, this.seededAt);
    });
    return [...demo.map(viewOf), ...crowd];
  }

  private populationProfiles(): Profile[] {
    this.population ??= populationProfiles();
    return this.population;
  }

  /** A demo connection, or one of the crowd made into a connection the first time it is touched. */
  private connectionOf(caNumber: string): SeededConnection | undefined {
    const known = this.connections.get(caNumber);
    if (known || !isInPopulation(caNumber)) return known;
    const profile = this.populationProfiles()[Number(caNumber) - POPULATION_FIRST_CA];
    if (!profile) return undefined;
    const connection = connectionFrom(this.seededAt, profile);
    this.connections.set(caNumber, connection);
    return connection;
  }

  /** The connection for a CA number after the simulated delay; throws for the faulty consumer. */
  private async connection(caNumber: string): Promise<SeededConnection | undefined> {
    requireInput(CaNumberInput, caNumber, 'CA number');
    await this.answerDelay();
    const connection = this.connectionOf(caNumber);
    if (connection?.backendFault) throw simulatedFault();
    return connection;
  }

  private async answerDelay(): Promise<void> {
    if (this.latencyMs > 0) await sleep(this.latencyMs);
  }
}

function isInPopulation(caNumber: string): boolean {
  const value = Number(caNumber);
  return caNumber.length === 9 && value >= POPULATION_FIRST_CA && value < POPULATION_FIRST_CA + POPULATION_SIZE;
}

/** What targeting and mobile lookups read of a connection, whether laid out yet or not. */
interface TargetView {
  consumer: Consumer;
  balance: number;
  relay: MeterStatus['relay'];
  supplyCutAt: string | null;
  backendFault: boolean;
}

function viewOf(connection: SeededConnection): TargetView {
  const { consumer, meter, supplyCutAt, backendFault } = connection;
  return { consumer, balance: meter.balance, relay: meter.relay, supplyCutAt, backendFault };
}

function profileView(profile: Profile, seededAt: Date): TargetView {
  const cutMinutes = profile.supplyCutMinutesAgo;
  return {
    consumer: profile.consumer,
    balance: profile.balance,
    relay: profile.relay,
    supplyCutAt: cutMinutes === undefined ? null : new Date(seededAt.getTime() - cutMinutes * 60_000).toISOString(),
    backendFault: profile.backendFault ?? false,
  };
}

/** Whether a connection meets every given criterion at `now`. */
function matches(view: TargetView, criteria: TargetCriteria, now: number): boolean {
  const { consumer } = view;
  if (criteria.noMobile && consumer.mobile !== null) return false;
  if (criteria.division !== undefined && consumer.area.division !== criteria.division) return false;
  if (criteria.section !== undefined && consumer.area.section !== criteria.section) return false;
  if (criteria.balanceBelow !== undefined && !(view.balance < criteria.balanceBelow)) return false;
  if (criteria.supplyCutHours !== undefined) {
    const cut = cutSince(view);
    if (cut === null || now - cut < criteria.supplyCutHours * 3_600_000) return false;
  }
  return true;
}

/** When the supply was cut for a balance that ran out, while it still is. */
function cutSince(view: TargetView): number | null {
  if (view.supplyCutAt === null || view.relay !== 'disconnected' || view.balance > 0) return null;
  return Date.parse(view.supplyCutAt);
}

function targetOf(view: TargetView): CampaignTarget {
  const cut = cutSince(view);
  return {
    caNumber: view.consumer.caNumber,
    mobile: view.consumer.mobile,
    area: structuredClone(view.consumer.area),
    urban: view.consumer.urban,
    balance: view.balance,
    supplyCutAt: cut === null ? null : new Date(cut).toISOString(),
  };
}

function simulatedFault(): BackendUnavailableError {
  return new BackendUnavailableError('timeout', 'simulated backend fault');
}

/**
 * Whether the meter serial (as on the sticker, case and spaces aside) and the last recharge (to the
 * rupee, as people remember it) match the records. No recharge on record: nothing to check against.
 */
function provesConnection(connection: SeededConnection, proof: Extract<MobileUpdateProof, { kind: 'meter_and_last_recharge' }>): boolean {
  const lastRecharge = connection.meter.lastRecharge;
  if (!lastRecharge) return false;
  const meterMatches = sameSecret(proof.meterNumber, connection.consumer.meterNumber.toUpperCase());
  return meterMatches && Math.round(proof.lastRechargeAmount) === Math.round(lastRecharge.amount);
}

/** Compares digests so the time taken does not reveal how many leading characters were right. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (otp: string): Buffer => createHash('sha256').update(otp).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
