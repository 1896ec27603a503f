import {
  ConsumerSchema,
  MeterStatusSchema,
  PaymentSchema,
  PlannedOutageSchema,
} from '../../../src/backend/meterBackend';
import { DEMO_CONSUMERS, seedConsumers } from '../../../src/backend/simulator/seedConsumers';
import { daytimeClock } from '../../support/clock';

/** Where calendar arithmetic breaks first: month and year ends in IST, leap days, early mornings. */
const AWKWARD_NOWS: Array<[string, Date]> = [
  ['mid-month afternoon', new Date('2025-03-17T09:30:00.000Z')],
  ['ten minutes into the 1st (IST)', new Date('2025-03-31T18:40:00.000Z')],
  ['New Year morning (IST)', new Date('2025-12-31T23:45:00.000Z')],
  ['a leap day before the morning debit', new Date('2024-02-29T00:10:00.000Z')],
  ['the last evening of a month (IST)', new Date('2025-04-30T17:00:00.000Z')],
];

/** The IST calendar date of an instant. */
const istDate = (iso: string): string => new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 10);

describe('seeded consumers', () => {
  it('are exactly the demo consumers, in the same order', () => {
    const seeded = seedConsumers(daytimeClock()).connections.map((c) => c.consumer.caNumber);
    expect(seeded).toEqual(DEMO_CONSUMERS.map((c) => c.caNumber));
    expect(new Set(seeded).size).toBe(seeded.length);
  });

  it('mark only 101000099 as the backend fault', () => {
    const faulty = seedConsumers(daytimeClock()).connections.filter((c) => c.backendFault);
    expect(faulty.map((c) => c.consumer.caNumber)).toEqual(['101000099']);
  });

  describe.each(AWKWARD_NOWS)('laid out at %s', (_moment, now) => {
    const seed = seedConsumers(now);
    const notAfterNow = (iso: string): void => expect(Date.parse(iso)).toBeLessThanOrEqual(now.getTime());

    it('fit the port schemas', () => {
      for (const connection of seed.connections) {
        ConsumerSchema.parse(connection.consumer);
        MeterStatusSchema.parse(connection.meter);
        connection.payments.forEach((p) => PaymentSchema.parse(p));
      }
      seed.plannedOutages.forEach((o) => PlannedOutageSchema.parse(o));
    });

    it('hold no reading, debit, recharge or payment in the future', () => {
      for (const { meter, payments } of seed.connections) {
        notAfterNow(meter.lastCommunicationAt);
        if (meter.lastRecharge) notAfterNow(meter.lastRecharge.at);
        meter.recentDebits.forEach((d) => notAfterNow(d.at));
        meter.dailyConsumption.forEach((d) => expect(d.date < istDate(now.toISOString())).toBe(true));
        payments.forEach((p) => notAfterNow(p.creditedAt ?? p.paidAt));
      }
    });

    it('give every meter a week of consecutive days, most recent first', () => {
      for (const { meter } of seed.connections) {
        const days = meter.dailyConsumption.map((d) => Date.parse(`${d.date}T00:00:00Z`));
        expect(days).toHaveLength(7);
        days.slice(1).forEach((day, i) => expect((days[i] ?? 0) - day).toBe(24 * 60 * 60_000));
      }
    });

    it('show the fixed charge of 101000010 on the 1st of the current IST month', () => {
      const meter = seed.connections.find((c) => c.consumer.caNumber === '101000010')?.meter;
      const fixedCharge = meter?.recentDebits.find((d) => d.kind === 'fixed_charge');
      expect(istDate(fixedCharge?.at ?? '')).toBe(`${istDate(now.toISOString()).slice(0, 8)}01`);
    });

  });

  describe('month-to-date totals', () => {
    it("count each morning's energy debit since the 1st, for the previous day's use", () => {
      const seed = seedConsumers(new Date('2025-03-03T04:30:00.000Z'));
      const meter = seed.connections.find((c) => c.consumer.caNumber === '101000001')?.meter;
      // Debited on the mornings of 1, 2 and 3 March: the use of 28 February, 1 and 2 March.
      const debitedThisMonth = meter?.dailyConsumption.filter((d) => d.date >= '2025-02-28') ?? [];
      expect(debitedThisMonth).toHaveLength(3);
      const expected = debitedThisMonth.reduce((sum, d) => sum + d.amount, 0);
      expect(meter?.monthToDate.energy).toBeCloseTo(expected, 2);
    });

    it('hold no energy before the first morning of the month, but the bill already', () => {
      const seed = seedConsumers(new Date('2025-03-31T18:40:00.000Z'));
      for (const { meter } of seed.connections) {
        expect(meter.monthToDate.energy).toBe(0);
        expect(meter.monthToDate.fixedCharge).toBeGreaterThan(0);
      }
    });
  });
});
