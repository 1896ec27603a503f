import {
  BackendUnavailableError,
  CampaignTargetSchema,
  ConsumerSchema,
  MAX_TARGET_PAGE,
  MeterStatusSchema,
  PaymentLinkSchema,
  PaymentSchema,
  PlannedOutageSchema,
  type CampaignTarget,
  type MeterBackend,
  type MobileUpdateProof,
  type MobileUpdateStart,
  type ReconnectResult,
  type TargetCriteria,
  type TargetPage,
} from '../../src/backend/meterBackend';
import { DEMO_CONSUMERS } from '../../src/backend/simulator/seedConsumers';
import type {
  MobileChangeNoticeEvent,
  OtpSentEvent,
  SimulatedMeterBackendOptions,
} from '../../src/backend/simulator/simulatedMeterBackend';

/** A backend under test and how to release what it holds (servers, sockets). */
export interface ContractSubject {
  backend: MeterBackend;
  close(): Promise<void>;
}

/** Builds a fresh subject over a simulator created with these options. */
export type ContractSubjectFactory = (simulator: SimulatedMeterBackendOptions) => Promise<ContractSubject>;

/** Monday 3 March 2025, 10:00 IST: two days after the monthly bill, so its debits are recent. */
export const CONTRACT_NOW = new Date('2025-03-03T04:30:00.000Z');
/** What the new number receives, and what the registered one does. */
const OTP = '246810';
const OLD_OTP = '135790';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ago = (ms: number): string => new Date(CONTRACT_NOW.getTime() - ms).toISOString();

/** The outcome of a reconnect, or null when the consumer is unknown. */
async function outcome(result: Promise<ReconnectResult | null>): Promise<string | null> {
  return (await result)?.outcome ?? null;
}

/** CA numbers of the connections registered to a mobile, as the backend lists them. */
async function caNumbersOn(backend: MeterBackend, mobile: string): Promise<string[]> {
  return (await backend.findConnectionsByMobile(mobile)).map((c) => c.caNumber);
}

/** The request id of a start the test needs to have sent OTPs. */
function requestIdOf(started: MobileUpdateStart | null): string {
  if (started?.outcome !== 'otp_sent') throw new Error(`no OTP sent: ${JSON.stringify(started)}`);
  return started.requestId;
}

/** Starts a mobile update that the test needs to exist, and returns its request id. */
async function startUpdate(backend: MeterBackend, caNumber: string, newMobile: string, proof: MobileUpdateProof): Promise<string> {
  return requestIdOf(await backend.startMobileUpdate(caNumber, newMobile, proof));
}

/**
 * The behaviour every MeterBackend must show over the seeded simulator world, whether it is called
 * in process or through the HTTP contract. Each test gets a fresh world and a clock it can move.
 */
export function describeMeterBackendContract(name: string, factory: ContractSubjectFactory): void {
  describe(`MeterBackend contract: ${name}`, () => {
    let clock: Date;
    let otpsSent: OtpSentEvent[];
    let noticesSent: MobileChangeNoticeEvent[];
    let subject: ContractSubject;
    let backend: MeterBackend;

    beforeEach(async () => {
      clock = CONTRACT_NOW;
      otpsSent = [];
      noticesSent = [];
      subject = await factory({
        now: () => clock,
        otpGenerator: (to) => (to === 'registered_mobile' ? OLD_OTP : OTP),
        onOtpSent: (event) => otpsSent.push(event),
        onMobileChangeNotice: (event) => noticesSent.push(event),
        otpTtlMinutes: 10,
        otpMaxAttempts: 3,
      });
      backend = subject.backend;
    });

    afterEach(() => subject.close());

    describe('findConsumer', () => {
      it('returns the healthy consumer with the area its field team covers', async () => {
        await expect(backend.findConsumer('101000001')).resolves.toEqual({
          caNumber: '101000001',
          name: 'Ramesh Kumar',
          address: expect.stringContaining('Kankarbagh'),
          mobile: '9876500001',
          meterNumber: expect.any(String),
          discom: 'SBPDCL',
          area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
          urban: true,
          location: expect.any(Object),
        });
      });

      it('finds every demo consumer but the faulty one, each a valid record', async () => {
        for (const { caNumber } of DEMO_CONSUMERS.filter((c) => c.caNumber !== '101000099')) {
          const consumer = await backend.findConsumer(caNumber);
          expect(ConsumerSchema.parse(consumer).caNumber).toBe(caNumber);
        }
      });

      it('seeds both discoms and rural connections', async () => {
        const caNumbers = ['101000002', '101000006', '101000007'];
        const consumers = await Promise.all(caNumbers.map((ca) => backend.findConsumer(ca)));
        expect(consumers.map((c) => [c?.discom, c?.urban])).toEqual([
          ['SBPDCL', false],
          ['NBPDCL', true],
          ['NBPDCL', false],
        ]);
      });

      it("gives the meter's surveyed location when the discom has one, and none otherwise", async () => {
        expect((await backend.findConsumer('101000001'))?.location).toEqual({ latitude: 25.5961, longitude: 85.1601 });
        expect((await backend.findConsumer('101000005'))?.location).toBeUndefined();
      });

      it('shows a consumer who never registered a mobile with mobile null', async () => {
        expect((await backend.findConsumer('101000008'))?.mobile).toBeNull();
      });

      it('answers null for a CA number it does not know', async () => {
        await expect(backend.findConsumer('101000098')).resolves.toBeNull();
        await expect(backend.findConsumer('999999999999')).resolves.toBeNull();
      });

      it('rejects a malformed CA number as a caller error', async () => {
        await expect(backend.findConsumer('10100A001')).rejects.toThrow(RangeError);
      });
    });

    describe('findConnectionsByMobile', () => {
      it('lists every connection registered to the mobile, in CA order', async () => {
        await expect(caNumbersOn(backend, '9876500001')).resolves.toEqual(['101000001', '101000011']);
      });

      it('answers an empty list for a mobile no connection uses', async () => {
        await expect(backend.findConnectionsByMobile('9123456789')).resolves.toEqual([]);
      });

      it('rejects a malformed mobile as a caller error', async () => {
        await expect(backend.findConnectionsByMobile('+919876500001')).rejects.toThrow(RangeError);
      });
    });

    describe('getMeterStatus', () => {
      it('reports the healthy meter: balance, relay, last recharge and a week of consumption', async () => {
        const status = MeterStatusSchema.parse(await backend.getMeterStatus('101000001'));
        expect(status).toMatchObject({
          caNumber: '101000001',
          balance: 842.5,
          relay: 'connected',
          communicating: true,
          lastRecharge: { amount: 1000, at: ago(3 * DAY) },
          arrears: null,
        });
        expect(status.dailyConsumption.map((d) => d.date)).toEqual([
          '2025-03-02',
          '2025-03-01',
          '2025-02-28',
          '2025-02-27',
          '2025-02-26',
          '2025-02-25',
          '2025-02-24',
        ]);
        expect(Date.parse(status.lastCommunicationAt)).toBeGreaterThan(CONTRACT_NOW.getTime() - HOUR);
      });

      it('lists recent debits most recent first, none in the future', async () => {
        const { recentDebits } = MeterStatusSchema.parse(await backend.getMeterStatus('101000001'));
        const times = recentDebits.map((d) => Date.parse(d.at));
        expect(times.length).toBeGreaterThan(0);
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(Math.max(...times)).toBeLessThanOrEqual(CONTRACT_NOW.getTime());
      });

      it('shows a negative balance with the supply cut', async () => {
        await expect(backend.getMeterStatus('101000002')).resolves.toMatchObject({
          balance: -236.4,
          relay: 'disconnected',
          communicating: true,
        });
      });

      it('shows an open relay on a positive balance', async () => {
        await expect(backend.getMeterStatus('101000006')).resolves.toMatchObject({
          balance: 212,
          relay: 'disconnected',
          communicating: true,
        });
      });

      it('shows a meter silent for three days', async () => {
        await expect(backend.getMeterStatus('101000007')).resolves.toMatchObject({
          communicating: false,
          lastCommunicationAt: ago(3 * DAY),
        });
      });

      it('shows arrears and the instalment recovered from the last recharge', async () => {
        const status = MeterStatusSchema.parse(await backend.getMeterStatus('101000009'));
        expect(status.arrears).toEqual({ outstanding: 4350, instalment: 435 });
        expect(status.recentDebits).toContainEqual({
          kind: 'arrears_instalment',
          amount: 435,
          at: expect.any(String),
        });
        expect(status.monthToDate.arrearsInstalment).toBe(435);
      });

      it('shows the fixed charge and duty debited on the 1st, leaving a low balance', async () => {
        const status = MeterStatusSchema.parse(await backend.getMeterStatus('101000010'));
        const monthly = status.recentDebits.filter((d) => d.kind === 'fixed_charge' || d.kind === 'duty');
        expect(monthly.map((d) => d.kind).sort()).toEqual(['duty', 'fixed_charge']);
        for (const debit of monthly) expect(debit.at.startsWith('2025-03-01')).toBe(true);
        expect(status.monthToDate.fixedCharge).toBe(monthly.find((d) => d.kind === 'fixed_charge')?.amount);
        expect(status.monthToDate.duty).toBe(monthly.find((d) => d.kind === 'duty')?.amount);
        expect(status.balance).toBeGreaterThan(0);
        expect(status.balance).toBeLessThan(100);
      });

      it('answers null for a CA number it does not know', async () => {
        await expect(backend.getMeterStatus('101000098')).resolves.toBeNull();
      });
    });

    describe('findPayment', () => {
      it('finds a payment still pending twenty minutes after it was made', async () => {
        await expect(backend.findPayment('101000003', '412300000003')).resolves.toEqual({
          reference: '412300000003',
          caNumber: '101000003',
          amount: 500,
          paidAt: ago(20 * MINUTE),
          status: 'pending',
          creditedAt: null,
        });
      });

      it('finds a credited payment with the time it was credited', async () => {
        const payment = PaymentSchema.parse(await backend.findPayment('101000004', '412300000004'));
        expect(payment).toMatchObject({ amount: 1000, status: 'credited' });
        expect(Date.parse(payment.creditedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(payment.paidAt));
      });

      it('finds a payment stuck in pending for 26 hours', async () => {
        await expect(backend.findPayment('101000012', '412300000012')).resolves.toMatchObject({
          amount: 300,
          status: 'pending',
          paidAt: ago(26 * HOUR),
        });
      });

      it('finds nothing for the consumer whose payment went missing, whatever the reference', async () => {
        await expect(backend.findPayment('101000005', '412300000005')).resolves.toBeNull();
        await expect(backend.findPayment('101000005', 'T2503031015224567')).resolves.toBeNull();
      });

      it("does not show one consumer another consumer's payment", async () => {
        await expect(backend.findPayment('101000004', '412300000003')).resolves.toBeNull();
      });

      it('answers null for a CA number it does not know', async () => {
        await expect(backend.findPayment('101000098', '412300000003')).resolves.toBeNull();
      });
    });

    describe('requestReconnect', () => {
      it('closes an open relay on a positive balance, and says how long the supply takes', async () => {
        await expect(backend.requestReconnect('101000006')).resolves.toEqual({
          outcome: 'reconnect_sent',
          expectedMinutes: 15,
        });
        await expect(backend.getMeterStatus('101000006')).resolves.toMatchObject({ relay: 'connected' });
        await expect(outcome(backend.requestReconnect('101000006'))).resolves.toBe('already_connected');
      });

      it('refuses while the balance is negative and leaves the supply cut', async () => {
        await expect(outcome(backend.requestReconnect('101000002'))).resolves.toBe('insufficient_balance');
        await expect(backend.getMeterStatus('101000002')).resolves.toMatchObject({ relay: 'disconnected' });
      });

      it('says so when the relay is already connected', async () => {
        await expect(outcome(backend.requestReconnect('101000001'))).resolves.toBe('already_connected');
      });

      it('cannot reach a meter that is not communicating', async () => {
        await expect(outcome(backend.requestReconnect('101000007'))).resolves.toBe('not_communicating');
        await expect(backend.getMeterStatus('101000007')).resolves.toMatchObject({ relay: 'disconnected' });
      });

      it('answers null for a CA number it does not know', async () => {
        await expect(backend.requestReconnect('101000098')).resolves.toBeNull();
      });
    });

    describe('createPaymentLink', () => {
      it('gives a payment page for the consumer with the amount to recharge filled in, valid for a while', async () => {
        const link = PaymentLinkSchema.parse(await backend.createPaymentLink('101000002', 236.4));
        expect(link.url).toMatch(/^https?:\/\/\S+$/);
        expect(link.amount).toBe(236.4);
        expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(CONTRACT_NOW.getTime());
      });

      it('leaves the amount to the consumer when none is given, and gives each request its own page', async () => {
        const first = await backend.createPaymentLink('101000001', null);
        const second = await backend.createPaymentLink('101000001', null);
        expect(first?.amount).toBeNull();
        expect(second?.url).not.toBe(first?.url);
      });

      it('answers null for a CA number it does not know', async () => {
        await expect(backend.createPaymentLink('101000098', 500)).resolves.toBeNull();
      });

      it.each([0, -50, 1.234, 500_000])('rejects the amount %p as a caller error', async (amount) => {
        await expect(backend.createPaymentLink('101000001', amount)).rejects.toThrow(RangeError);
      });
    });

    describe('mobile update', () => {
      const registered: MobileUpdateProof = { kind: 'registered_mobile_otp' };
      /** 101000008 has no mobile; its sticker says LT22N0811390 and it last recharged 500. */
      const kamlaProof: MobileUpdateProof = { kind: 'meter_and_last_recharge', meterNumber: 'LT22N0811390', lastRechargeAmount: 500 };
      const both = { registeredMobile: OLD_OTP, newMobile: OTP };

      it('with a registered mobile, sends one OTP to it and one to the new number, and changes on both', async () => {
        const started = await backend.startMobileUpdate('101000001', '9123400777', registered);
        expect(started).toEqual({
          outcome: 'otp_sent',
          requestId: expect.any(String),
          expiresAt: new Date(CONTRACT_NOW.getTime() + 10 * MINUTE).toISOString(),
          sentTo: ['registered_mobile', 'new_mobile'],
        });
        expect(otpsSent).toEqual([
          { caNumber: '101000001', to: 'registered_mobile', maskedMobile: '******0001', otp: OLD_OTP },
          { caNumber: '101000001', to: 'new_mobile', maskedMobile: '******0777', otp: OTP },
        ]);
        await expect(backend.confirmMobileUpdate(requestIdOf(started), both)).resolves.toEqual({
          outcome: 'updated',
          previousMobileNotified: true,
        });
        expect((await backend.findConsumer('101000001'))?.mobile).toBe('9123400777');
        expect(noticesSent).toEqual([{ caNumber: '101000001', maskedMobile: '******0001' }]);
      });

      it("does not change on the new number's OTP alone when the registered one was sent an OTP", async () => {
        const requestId = await startUpdate(backend, '101000001', '9123400001', registered);
        await expect(backend.confirmMobileUpdate(requestId, { newMobile: OTP })).resolves.toEqual({
          outcome: 'wrong_otp',
          attemptsLeft: 2,
          wrong: ['registered_mobile'],
        });
        await expect(backend.confirmMobileUpdate(requestId, { newMobile: OTP, registeredMobile: OTP })).resolves.toMatchObject({
          wrong: ['registered_mobile'],
        });
        expect((await backend.findConsumer('101000001'))?.mobile).toBe('9876500001');
        expect(noticesSent).toEqual([]);
      });

      it('says which OTP was wrong', async () => {
        const requestId = await startUpdate(backend, '101000001', '9123400001', registered);
        await expect(backend.confirmMobileUpdate(requestId, { registeredMobile: OLD_OTP, newMobile: '000000' })).resolves.toEqual({
          outcome: 'wrong_otp',
          attemptsLeft: 2,
          wrong: ['new_mobile'],
        });
      });

      it('refuses an OTP to the registered number where none is registered, and sends nothing', async () => {
        await expect(backend.startMobileUpdate('101000008', '9123400008', registered)).resolves.toEqual({
          outcome: 'no_registered_mobile',
        });
        expect(otpsSent).toEqual([]);
      });

      it('with the meter serial and the last recharge, sends an OTP to the new number only', async () => {
        const started = await backend.startMobileUpdate('101000008', '9123400008', kamlaProof);
        expect(started).toMatchObject({ outcome: 'otp_sent', sentTo: ['new_mobile'] });
        expect(otpsSent).toEqual([{ caNumber: '101000008', to: 'new_mobile', maskedMobile: '******0008', otp: OTP }]);
        await expect(backend.confirmMobileUpdate(requestIdOf(started), { newMobile: OTP })).resolves.toEqual({
          outcome: 'updated',
          previousMobileNotified: false,
        });
        expect((await backend.findConsumer('101000008'))?.mobile).toBe('9123400008');
        await expect(caNumbersOn(backend, '9123400008')).resolves.toEqual(['101000008']);
        expect(noticesSent).toEqual([]);
      });

      it('accepts the second proof for a lost SIM too, and still tells the old number', async () => {
        const lostSim: MobileUpdateProof = { kind: 'meter_and_last_recharge', meterNumber: 'GS23A1105519', lastRechargeAmount: 2000 };
        const requestId = await startUpdate(backend, '101000011', '9123400011', lostSim);
        expect(otpsSent.map((sent) => sent.to)).toEqual(['new_mobile']);
        await expect(backend.confirmMobileUpdate(requestId, { newMobile: OTP })).resolves.toEqual({
          outcome: 'updated',
          previousMobileNotified: true,
        });
        expect(noticesSent).toEqual([{ caNumber: '101000011', maskedMobile: '******0001' }]);
        await expect(caNumbersOn(backend, '9876500001')).resolves.toEqual(['101000001']);
      });

      it('rejects a wrong meter serial or a wrong last recharge, without saying which, and sends nothing', async () => {
        const wrongMeter = { ...kamlaProof, meterNumber: 'LT22N0811391' };
        const wrongAmount = { ...kamlaProof, lastRechargeAmount: 300 };
        const otherConsumersMeter = { ...kamlaProof, meterNumber: 'GS23A0104571' };
        for (const proof of [wrongMeter, wrongAmount, otherConsumersMeter]) {
          await expect(backend.startMobileUpdate('101000008', '9123400008', proof)).resolves.toEqual({ outcome: 'proof_rejected' });
        }
        expect(otpsSent).toEqual([]);
      });

      it('reads the last recharge to the rupee, as people remember it', async () => {
        const started = await backend.startMobileUpdate('101000008', '9123400008', { ...kamlaProof, lastRechargeAmount: 500.2 });
        expect(started?.outcome).toBe('otp_sent');
      });

      it('counts down wrong OTPs, then locks even against the right ones', async () => {
        const requestId = await startUpdate(backend, '101000001', '9123400001', registered);
        const confirm = (newMobile: string) => backend.confirmMobileUpdate(requestId, { registeredMobile: OLD_OTP, newMobile });
        await expect(confirm('000000')).resolves.toMatchObject({ outcome: 'wrong_otp', attemptsLeft: 2 });
        await expect(confirm('000001')).resolves.toMatchObject({ outcome: 'wrong_otp', attemptsLeft: 1 });
        await expect(confirm('000002')).resolves.toEqual({ outcome: 'locked' });
        await expect(confirm(OTP)).resolves.toEqual({ outcome: 'locked' });
        expect((await backend.findConsumer('101000001'))?.mobile).toBe('9876500001');
      });

      it('expires the OTPs after their time to live', async () => {
        const requestId = await startUpdate(backend, '101000001', '9123400001', registered);
        clock = new Date(CONTRACT_NOW.getTime() + 10 * MINUTE);
        await expect(backend.confirmMobileUpdate(requestId, both)).resolves.toEqual({ outcome: 'expired' });
        expect((await backend.findConsumer('101000001'))?.mobile).toBe('9876500001');
      });

      it('accepts the OTPs until just before they expire', async () => {
        const requestId = await startUpdate(backend, '101000001', '9123400001', registered);
        clock = new Date(CONTRACT_NOW.getTime() + 10 * MINUTE - 1000);
        await expect(backend.confirmMobileUpdate(requestId, both)).resolves.toMatchObject({ outcome: 'updated' });
      });

      it('uses OTPs once: confirming again reads as expired', async () => {
        const requestId = await startUpdate(backend, '101000008', '9123400008', kamlaProof);
        await backend.confirmMobileUpdate(requestId, { newMobile: OTP });
        await expect(backend.confirmMobileUpdate(requestId, { newMobile: OTP })).resolves.toEqual({ outcome: 'expired' });
      });

      it('replaces an earlier request for the same consumer, even with a rejected one', async () => {
        const first = await startUpdate(backend, '101000008', '9123400008', kamlaProof);
        const second = await startUpdate(backend, '101000008', '9123400018', kamlaProof);
        await expect(backend.confirmMobileUpdate(first, { newMobile: OTP })).resolves.toEqual({ outcome: 'expired' });
        await backend.startMobileUpdate('101000008', '9123400028', { ...kamlaProof, lastRechargeAmount: 1 });
        await expect(backend.confirmMobileUpdate(second, { newMobile: OTP })).resolves.toEqual({ outcome: 'expired' });
        expect((await backend.findConsumer('101000008'))?.mobile).toBeNull();
      });

      it('reads an unknown request as expired', async () => {
        const confirmation = await backend.confirmMobileUpdate('no-such-request', { newMobile: OTP });
        expect(confirmation).toEqual({ outcome: 'expired' });
      });

      it('answers null and sends nothing for a CA number it does not know', async () => {
        await expect(backend.startMobileUpdate('101000098', '9123400098', kamlaProof)).resolves.toBeNull();
        expect(otpsSent).toEqual([]);
      });

      it('rejects a malformed new mobile, proof or OTP as a caller error', async () => {
        await expect(backend.startMobileUpdate('101000008', '12345', kamlaProof)).rejects.toThrow(RangeError);
        const lowerCase = { ...kamlaProof, meterNumber: 'lt22n0811390' };
        await expect(backend.startMobileUpdate('101000008', '9123400008', lowerCase)).rejects.toThrow(RangeError);
        const requestId = await startUpdate(backend, '101000008', '9123400008', kamlaProof);
        await expect(backend.confirmMobileUpdate(requestId, { newMobile: '12 34' })).rejects.toThrow(RangeError);
      });
    });

    describe('findPlannedOutage', () => {
      it("tells the planned shutdown of the consumer's section", async () => {
        const outage = PlannedOutageSchema.parse(await backend.findPlannedOutage('101000013'));
        const consumer = await backend.findConsumer('101000013');
        expect(outage).toEqual({
          section: consumer?.area.section,
          from: ago(HOUR),
          until: ago(-3 * HOUR),
          reason: '33 kV line maintenance',
        });
      });

      it('forgets the shutdown once it is over', async () => {
        clock = new Date(CONTRACT_NOW.getTime() + 3 * HOUR);
        await expect(backend.findPlannedOutage('101000013')).resolves.toBeNull();
      });

      it('answers null where nothing is planned, and for an unknown CA number', async () => {
        await expect(backend.findPlannedOutage('101000001')).resolves.toBeNull();
        await expect(backend.findPlannedOutage('101000098')).resolves.toBeNull();
      });
    });

    describe('findTargets', () => {
      /** Every target matching `criteria`, following the cursor page by page. */
      async function allTargets(criteria: TargetCriteria, pageSize = MAX_TARGET_PAGE): Promise<CampaignTarget[]> {
        const targets: CampaignTarget[] = [];
        let cursor: string | null = null;
        do {
          const page: TargetPage = await backend.findTargets(criteria, cursor, pageSize);
          targets.push(...page.targets);
          cursor = page.nextCursor;
        } while (cursor !== null);
        return targets;
      }

      it('seeds thousands of connections over several divisions and sections, some without a mobile', async () => {
        const everyone = await allTargets({});
        expect(everyone.length).toBeGreaterThanOrEqual(5000);
        expect(new Set(everyone.map((t) => t.area.division)).size).toBeGreaterThanOrEqual(8);
        expect(new Set(everyone.map((t) => t.area.section)).size).toBeGreaterThanOrEqual(10);
        const withoutMobile = everyone.filter((t) => t.mobile === null).length;
        expect(withoutMobile / everyone.length).toBeGreaterThan(0.1);
        for (const target of everyone.slice(0, 50)) expect(CampaignTargetSchema.parse(target)).toEqual(target);
      });

      it('pages in CA order with no consumer twice and none skipped', async () => {
        const inPages = await allTargets({ division: 'Patna East' }, 97);
        const inOne = await allTargets({ division: 'Patna East' });
        expect(inPages.map((t) => t.caNumber)).toEqual(inOne.map((t) => t.caNumber));
        expect([...inOne.map((t) => t.caNumber)].sort()).toEqual(inOne.map((t) => t.caNumber));
        expect(new Set(inOne.map((t) => t.caNumber)).size).toBe(inOne.length);
      });

      it('finds supply cut for a negative balance for at least N hours, the demo consumers among them', async () => {
        const cutADay = await allTargets({ supplyCutHours: 24 });
        expect(cutADay.map((t) => t.caNumber)).toEqual(expect.arrayContaining(['101000002', '101000012']));
        for (const target of cutADay) {
          expect(target.balance).toBeLessThanOrEqual(0);
          expect(CONTRACT_NOW.getTime() - Date.parse(target.supplyCutAt ?? '')).toBeGreaterThanOrEqual(24 * HOUR);
        }
        const cutTwoDays = (await allTargets({ supplyCutHours: 48 })).map((t) => t.caNumber);
        expect(cutTwoDays).toContain('101000002');
        expect(cutTwoDays).not.toContain('101000012');
        expect(cutTwoDays).not.toContain('101000006');
      });

      it('combines criteria: balance below a threshold in one section', async () => {
        const targets = await allTargets({ balanceBelow: 50, section: 'Kankarbagh-1' });
        expect(targets.length).toBeGreaterThan(0);
        for (const target of targets) {
          expect(target.balance).toBeLessThan(50);
          expect(target.area.section).toBe('Kankarbagh-1');
        }
      });

      it('lists those without a registered mobile for the visit list', async () => {
        const targets = await allTargets({ noMobile: true, division: 'Darbhanga Urban' });
        expect(targets.map((t) => t.caNumber)).toContain('101000008');
        expect(targets.every((t) => t.mobile === null && t.area.division === 'Darbhanga Urban')).toBe(true);
      });

      it('leaves out the meter the head-end cannot read', async () => {
        const targets = await allTargets({ division: 'Aurangabad' });
        expect(targets.map((t) => t.caNumber)).not.toContain('101000099');
      });

      it('answers an empty last page where nothing matches', async () => {
        await expect(backend.findTargets({ section: 'Nowhere' }, null, 10)).resolves.toEqual({ targets: [], nextCursor: null });
      });

      it('rejects a page size out of range as a caller error', async () => {
        await expect(backend.findTargets({}, null, 0)).rejects.toBeInstanceOf(RangeError);
        await expect(backend.findTargets({}, null, MAX_TARGET_PAGE + 1)).rejects.toBeInstanceOf(RangeError);
      });
    });

    describe('the consumer whose backend is down (101000099)', () => {
      const operations: Array<[string, (b: MeterBackend) => Promise<unknown>]> = [
        ['findConsumer', (b) => b.findConsumer('101000099')],
        ['findConnectionsByMobile', (b) => b.findConnectionsByMobile('9876500099')],
        ['getMeterStatus', (b) => b.getMeterStatus('101000099')],
        ['findPayment', (b) => b.findPayment('101000099', '412300000099')],
        ['requestReconnect', (b) => b.requestReconnect('101000099')],
        ['startMobileUpdate', (b) => b.startMobileUpdate('101000099', '9123400099', { kind: 'registered_mobile_otp' })],
        ['findPlannedOutage', (b) => b.findPlannedOutage('101000099')],
      ];

      it.each(operations)('%s fails with BackendUnavailableError', async (_operation, call) => {
        await expect(call(backend)).rejects.toBeInstanceOf(BackendUnavailableError);
      });

      it('sends no OTP', async () => {
        await backend.startMobileUpdate('101000099', '9123400099', { kind: 'registered_mobile_otp' }).catch(() => undefined);
        expect(otpsSent).toEqual([]);
      });
    });
  });
}
