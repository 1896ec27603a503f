import type { Area, Consumer, Debit, DebitKind, MeterStatus, Payment, PlannedOutage } from '../meterBackend';
import { istDate, istDayStart, istMonthStart, istTimeOn } from '../../domain/indianTime';

/** One seeded connection as the simulator holds it. */
export interface SeededConnection {
  consumer: Consumer;
  meter: MeterStatus;
  payments: Payment[];
  /** Every operation touching this consumer fails as if the backend timed out. */
  backendFault: boolean;
  /** When the supply was cut because the balance ran out; null while it is on. */
  supplyCutAt: string | null;
}

/** Everything the simulator starts with. */
export interface SimulatorSeed {
  connections: SeededConnection[];
  plannedOutages: PlannedOutage[];
}

/** A seeded CA number and the journey it demonstrates, for the README and for testers. */
export interface DemoConsumer {
  caNumber: string;
  scenario: string;
}

/** The seeded consumers, in CA order. Dialogs, tests and the README rely on these numbers. */
export const DEMO_CONSUMERS: readonly DemoConsumer[] = [
  { caNumber: '101000001', scenario: 'Healthy: balance 842.50, supply on, recharged 1000 three days ago' },
  { caNumber: '101000002', scenario: 'Negative balance -236.40, supply cut' },
  { caNumber: '101000003', scenario: 'Payment pending: UTR 412300000003, 500 paid 20 minutes ago' },
  { caNumber: '101000004', scenario: 'Payment credited: UTR 412300000004, 1000' },
  { caNumber: '101000005', scenario: 'Payment missing: no payment found for any reference' },
  { caNumber: '101000006', scenario: 'Relay open on a positive balance (212.00): reconnect in 15 minutes' },
  { caNumber: '101000007', scenario: 'Meter silent for 3 days: no reconnect possible, needs a field visit' },
  { caNumber: '101000008', scenario: 'No registered mobile number (meter LT22N0811390, last recharge 500)' },
  { caNumber: '101000009', scenario: 'Arrears 4350 being recovered at 435 per recharge' },
  { caNumber: '101000010', scenario: 'Fixed charge and duty debited on the 1st, balance low' },
  { caNumber: '101000011', scenario: 'Second connection (a shop) on mobile 9876500001, like 101000001' },
  { caNumber: '101000012', scenario: 'Payment stuck: UTR 412300000012, 300 pending for 26 hours' },
  { caNumber: '101000013', scenario: 'Planned shutdown in its section (Danapur-2) until 3 hours from now' },
  { caNumber: '101000099', scenario: 'Backend fault: every operation times out' },
];

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;
const DAY_MS = DAY_MINUTES * MINUTE_MS;

/** Debits from this far back are listed in a meter status; older ones only count in month-to-date. */
const RECENT_DEBIT_MINUTES = 3 * DAY_MINUTES;
/** The head-end debits each morning for the previous day's use. */
const DAILY_DEBIT_HOUR = 6;
/** Simulated tariffs in rupees; not a discom's real values. */
const ENERGY_RATE = { urban: 7.42, rural: 6.1 };
const FIXED_CHARGE_PER_KW = { urban: 40, rural: 20 };
const ELECTRICITY_DUTY_RATE = 0.06;

type Tariff = 'urban' | 'rural';

/** How a connection looks, before the clock turns it into a meter status. */
export interface Profile {
  consumer: Consumer;
  balance: number;
  relay: MeterStatus['relay'];
  communicating: boolean;
  minutesSinceCommunication: number;
  lastRecharge: { amount: number; minutesAgo: number } | null;
  /** Units per day, most recent day first; repeated further back as needed. */
  dailyUnits: number[];
  sanctionedLoadKw: number;
  arrears?: { outstanding: number; instalment: number; recoveredMinutesAgo: number };
  /** Lists this month's bill debits as recent whatever the date, for the "charged on the 1st" journey. */
  showMonthlyBill?: boolean;
  payments?: Payment[];
  backendFault?: boolean;
  /** Set for a supply cut for a balance that ran out: how long ago the relay opened. */
  supplyCutMinutesAgo?: number;
}

/** Builds the seeded world as it looks at `now`; every time in it is relative to `now`. */
export function seedConsumers(now: Date): SimulatorSeed {
  const ago = (minutes: number): string => new Date(now.getTime() - minutes * MINUTE_MS).toISOString();
  const payment = (
    reference: string,
    caNumber: string,
    amount: number,
    paidMinutesAgo: number,
    creditedMinutesAgo: number | null,
  ): Payment => ({
    reference,
    caNumber,
    amount,
    paidAt: ago(paidMinutesAgo),
    status: creditedMinutesAgo === null ? 'pending' : 'credited',
    creditedAt: creditedMinutesAgo === null ? null : ago(creditedMinutesAgo),
  });

  const profiles: Profile[] = [
    {
      consumer: {
        caNumber: '101000001',
        name: 'Ramesh Kumar',
        address: 'House 112, Sector 7, Kankarbagh Colony, Patna 800020',
        mobile: '9876500001',
        meterNumber: 'GS23A0104571',
        discom: 'SBPDCL',
        area: area('Patna', 'Patna East', 'Kankarbagh', 'Kankarbagh-1'),
        urban: true,
        location: { latitude: 25.5961, longitude: 85.1601 },
      },
      balance: 842.5,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 12,
      lastRecharge: { amount: 1000, minutesAgo: 3 * DAY_MINUTES },
      dailyUnits: [9.4, 8.7, 10.2, 11.5, 8.9, 7.8, 9.6],
      sanctionedLoadKw: 2,
    },
    {
      consumer: {
        caNumber: '101000002',
        name: 'Sunita Devi',
        address: 'Purani Bazar, Near Shiv Mandir, Bihta, Patna 801103',
        mobile: '9876500002',
        meterNumber: 'GS23A0209833',
        discom: 'SBPDCL',
        area: area('Patna', 'Danapur', 'Bihta', 'Bihta-1'),
        urban: false,
        location: { latitude: 25.4196, longitude: 84.8562 },
      },
      balance: -236.4,
      relay: 'disconnected',
      supplyCutMinutesAgo: 50 * HOUR_MINUTES,
      communicating: true,
      minutesSinceCommunication: 8,
      lastRecharge: { amount: 200, minutesAgo: 18 * DAY_MINUTES },
      dailyUnits: [4.1, 3.8, 4.6, 3.9, 4.4, 5.0, 4.2],
      sanctionedLoadKw: 1,
    },
    {
      consumer: {
        caNumber: '101000003',
        name: 'Manoj Kumar Yadav',
        address: 'Ward 18, Nai Godam Road, Gaya 823001',
        mobile: '9876500003',
        meterNumber: 'SEC2400318842',
        discom: 'SBPDCL',
        area: area('Gaya', 'Gaya Urban', 'Gaya Town', 'Nai Godam'),
        urban: true,
        location: { latitude: 24.7955, longitude: 85.0002 },
      },
      balance: 18.6,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 15,
      lastRecharge: { amount: 500, minutesAgo: 11 * DAY_MINUTES },
      dailyUnits: [6.2, 5.9, 6.8, 7.1, 5.5, 6.0, 6.4],
      sanctionedLoadKw: 2,
      payments: [payment('412300000003', '101000003', 500, 20, null)],
    },
    {
      consumer: {
        caNumber: '101000004',
        name: 'Priya Kumari',
        address: 'Tilkamanjhi Chowk, Near Hanuman Mandir, Bhagalpur 812001',
        mobile: '9876500004',
        meterNumber: 'SEC2400420917',
        discom: 'SBPDCL',
        area: area('Bhagalpur', 'Bhagalpur Urban', 'Tilkamanjhi', 'Tilkamanjhi-2'),
        urban: true,
        location: { latitude: 25.2425, longitude: 86.9842 },
      },
      balance: 1046.3,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 5,
      lastRecharge: { amount: 1000, minutesAgo: 116 },
      dailyUnits: [7.3, 6.9, 8.1, 7.7, 6.5, 7.0, 7.9],
      sanctionedLoadKw: 2,
      payments: [payment('412300000004', '101000004', 1000, 120, 116)],
    },
    {
      consumer: {
        caNumber: '101000005',
        name: 'Arvind Kumar Singh',
        address: 'Village Barhara, PO Barhara, Bhojpur 802311',
        mobile: '9876500005',
        meterNumber: 'GS23B0517206',
        discom: 'SBPDCL',
        area: area('Arrah', 'Arrah Rural', 'Barhara', 'Barhara'),
        urban: false,
      },
      balance: 95,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 21,
      lastRecharge: { amount: 300, minutesAgo: 9 * DAY_MINUTES },
      dailyUnits: [3.2, 2.9, 3.5, 3.0, 2.7, 3.3, 3.1],
      sanctionedLoadKw: 1,
    },
    {
      consumer: {
        caNumber: '101000006',
        name: 'Rajesh Ranjan',
        address: 'Brahmpura, Near Brahmpura Chowk, Muzaffarpur 842003',
        mobile: '9876500006',
        meterNumber: 'LT22N0608154',
        discom: 'NBPDCL',
        area: area('Muzaffarpur', 'Muzaffarpur Urban-1', 'Brahmpura', 'Brahmpura-1'),
        urban: true,
        location: { latitude: 26.1209, longitude: 85.3647 },
      },
      balance: 212,
      relay: 'disconnected',
      communicating: true,
      minutesSinceCommunication: 9,
      lastRecharge: { amount: 500, minutesAgo: 40 },
      dailyUnits: [8.0, 8.6, 7.4, 9.1, 8.3, 7.9, 8.8],
      sanctionedLoadKw: 2,
    },
    {
      consumer: {
        caNumber: '101000007',
        name: 'Ram Pravesh Mahto',
        address: 'Village Birauli, Block Pusa, Samastipur 848125',
        mobile: '9876500007',
        meterNumber: 'LT22N0709462',
        discom: 'NBPDCL',
        area: area('Samastipur', 'Samastipur', 'Pusa', 'Birauli'),
        urban: false,
        location: { latitude: 25.8569, longitude: 85.7768 },
      },
      balance: 350,
      relay: 'disconnected',
      communicating: false,
      minutesSinceCommunication: 3 * DAY_MINUTES,
      lastRecharge: { amount: 500, minutesAgo: 2 * DAY_MINUTES },
      dailyUnits: [2.8, 3.1, 2.6, 3.4, 2.9, 3.0, 2.5],
      sanctionedLoadKw: 1,
    },
    {
      consumer: {
        caNumber: '101000008',
        name: 'Kamla Devi',
        address: 'Mohalla Lalbagh, Darbhanga 846004',
        mobile: null,
        meterNumber: 'LT22N0811390',
        discom: 'NBPDCL',
        area: area('Darbhanga', 'Darbhanga Urban', 'Laheriasarai', 'Lalbagh'),
        urban: true,
        location: { latitude: 26.1542, longitude: 85.8918 },
      },
      balance: 410.75,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 14,
      lastRecharge: { amount: 500, minutesAgo: 6 * DAY_MINUTES },
      dailyUnits: [5.1, 4.8, 5.6, 5.3, 4.9, 5.8, 5.0],
      sanctionedLoadKw: 1,
    },
    {
      consumer: {
        caNumber: '101000009',
        name: 'Shyam Sundar Gupta',
        address: 'Bhainsasur Mohalla, Biharsharif, Nalanda 803101',
        mobile: '9876500009',
        meterNumber: 'GS23A0912048',
        discom: 'SBPDCL',
        area: area('Biharsharif', 'Biharsharif', 'Biharsharif Town', 'Bhainsasur'),
        urban: true,
        location: { latitude: 25.1982, longitude: 85.5239 },
      },
      balance: 1126.4,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 18,
      lastRecharge: { amount: 2000, minutesAgo: 2 * DAY_MINUTES },
      dailyUnits: [10.5, 9.8, 11.2, 12.0, 10.1, 9.5, 10.8],
      sanctionedLoadKw: 3,
      arrears: { outstanding: 4350, instalment: 435, recoveredMinutesAgo: 2 * DAY_MINUTES },
    },
    {
      consumer: {
        caNumber: '101000010',
        name: 'Anita Sinha',
        address: 'Flat 3B, Road No 6, Rajendra Nagar, Patna 800016',
        mobile: '9876500010',
        meterNumber: 'SEC2401027735',
        discom: 'SBPDCL',
        area: area('Patna', 'Patna East', 'Rajendra Nagar', 'Rajendra Nagar-2'),
        urban: true,
        location: { latitude: 25.6044, longitude: 85.1378 },
      },
      balance: 38.75,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 7,
      lastRecharge: { amount: 500, minutesAgo: 5 * DAY_MINUTES },
      dailyUnits: [12.1, 11.6, 13.0, 12.4, 11.9, 12.8, 12.2],
      sanctionedLoadKw: 5,
      showMonthlyBill: true,
    },
    {
      consumer: {
        caNumber: '101000011',
        name: 'Ramesh Kumar',
        address: 'Shop 14, Lohia Nagar Market, Kankarbagh, Patna 800020',
        mobile: '9876500001',
        meterNumber: 'GS23A1105519',
        discom: 'SBPDCL',
        area: area('Patna', 'Patna East', 'Kankarbagh', 'Kankarbagh-2'),
        urban: true,
        location: { latitude: 25.5913, longitude: 85.1556 },
      },
      balance: 1530,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 11,
      lastRecharge: { amount: 2000, minutesAgo: 8 * DAY_MINUTES },
      dailyUnits: [6.5, 7.2, 0.4, 6.9, 7.0, 6.6, 7.4],
      sanctionedLoadKw: 3,
    },
    {
      consumer: {
        caNumber: '101000012',
        name: 'Mohammad Irfan Ansari',
        address: 'Sheikh Mohalla, Near Jama Masjid, Siwan 841226',
        mobile: '9876500012',
        meterNumber: 'LT22N1213608',
        discom: 'NBPDCL',
        area: area('Siwan', 'Siwan', 'Siwan Town', 'Siwan Town-1'),
        urban: true,
        location: { latitude: 26.2196, longitude: 84.3567 },
      },
      balance: -12.4,
      relay: 'disconnected',
      supplyCutMinutesAgo: 30 * HOUR_MINUTES,
      communicating: true,
      minutesSinceCommunication: 16,
      lastRecharge: { amount: 300, minutesAgo: 12 * DAY_MINUTES },
      dailyUnits: [5.4, 5.0, 5.9, 6.1, 4.7, 5.2, 5.5],
      sanctionedLoadKw: 1,
      payments: [payment('412300000012', '101000012', 300, 26 * HOUR_MINUTES, null)],
    },
    {
      consumer: {
        caNumber: '101000013',
        name: 'Pooja Kumari',
        address: 'Shivala Par, Danapur Cantt, Patna 801503',
        mobile: '9876500013',
        meterNumber: 'GS23B1318827',
        discom: 'SBPDCL',
        area: area('Patna', 'Danapur', 'Danapur', 'Danapur-2'),
        urban: true,
        location: { latitude: 25.6213, longitude: 85.0456 },
      },
      balance: 640,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 6,
      lastRecharge: { amount: 1000, minutesAgo: 7 * DAY_MINUTES },
      dailyUnits: [7.8, 8.2, 7.5, 8.9, 7.6, 8.1, 7.9],
      sanctionedLoadKw: 2,
    },
    {
      consumer: {
        caNumber: '101000099',
        name: 'Dinesh Paswan',
        address: 'Village Deo, PO Deo, Aurangabad 824202',
        mobile: '9876500099',
        meterNumber: 'SEC2409930114',
        discom: 'SBPDCL',
        area: area('Aurangabad', 'Aurangabad', 'Deo', 'Deo'),
        urban: false,
      },
      balance: 120,
      relay: 'connected',
      communicating: true,
      minutesSinceCommunication: 10,
      lastRecharge: { amount: 300, minutesAgo: 4 * DAY_MINUTES },
      dailyUnits: [3.6, 3.3, 3.9, 3.4, 3.7, 3.2, 3.5],
      sanctionedLoadKw: 1,
      backendFault: true,
    },
  ];

  return {
    connections: profiles.map((profile) => connectionFrom(now, profile)),
    plannedOutages: [
      {
        section: 'Danapur-2',
        from: ago(HOUR_MINUTES),
        until: ago(-3 * HOUR_MINUTES),
        reason: '33 kV line maintenance',
      },
    ],
  };
}

/** A profile as the simulator holds it at `now`. */
export function connectionFrom(now: Date, profile: Profile): SeededConnection {
  return {
    consumer: profile.consumer,
    meter: meterStatus(now, profile),
    payments: profile.payments ?? [],
    backendFault: profile.backendFault ?? false,
    supplyCutAt:
      profile.supplyCutMinutesAgo === undefined
        ? null
        : new Date(now.getTime() - profile.supplyCutMinutesAgo * MINUTE_MS).toISOString(),
  };
}

export function area(circle: string, division: string, subDivision: string, section: string): Area {
  return { circle, division, subDivision, section };
}

/** Turns a profile into the head-end's view at `now`: readings, debits and month-to-date totals. */
function meterStatus(now: Date, profile: Profile): MeterStatus {
  const tariff: Tariff = profile.consumer.urban ? 'urban' : 'rural';
  const lastCommunicationAt = new Date(now.getTime() - profile.minutesSinceCommunication * MINUTE_MS);
  const monthStart = istMonthStart(now);
  const readings = dailyReadings(now, monthStart, lastCommunicationAt, profile.dailyUnits, tariff);

  const energyDebits: Debit[] = readings
    .map((day) => ({ amount: day.amount, at: istTimeOn(day.nextDayStart, DAILY_DEBIT_HOUR) }))
    .filter((energy) => energy.at <= now)
    .map((energy) => ({ kind: 'energy', amount: energy.amount, at: energy.at.toISOString() }));
  const monthlyBill = monthlyBillDebits(now, monthStart, profile, tariff);
  const arrearsDebits: Debit[] = profile.arrears
    ? [debit('arrears_instalment', profile.arrears.instalment, now, profile.arrears.recoveredMinutesAgo)]
    : [];
  const allDebits = [...energyDebits, ...monthlyBill, ...arrearsDebits];

  const recentSince = now.getTime() - RECENT_DEBIT_MINUTES * MINUTE_MS;
  const recentDebits = allDebits
    .filter((d) => Date.parse(d.at) > recentSince || (profile.showMonthlyBill && monthlyBill.includes(d)))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  const monthTotal = (kind: DebitKind): number =>
    round2(
      allDebits
        .filter((d) => d.kind === kind && Date.parse(d.at) >= monthStart.getTime())
        .reduce((sum, d) => sum + d.amount, 0),
    );

  return {
    caNumber: profile.consumer.caNumber,
    balance: profile.balance,
    relay: profile.relay,
    communicating: profile.communicating,
    lastCommunicationAt: lastCommunicationAt.toISOString(),
    lastRecharge: profile.lastRecharge
      ? {
          amount: profile.lastRecharge.amount,
          at: new Date(now.getTime() - profile.lastRecharge.minutesAgo * MINUTE_MS).toISOString(),
        }
      : null,
    dailyConsumption: readings.slice(0, 7).map(({ date, units, amount }) => ({ date, units, amount })),
    monthToDate: {
      energy: monthTotal('energy'),
      fixedCharge: monthTotal('fixed_charge'),
      duty: monthTotal('duty'),
      arrearsInstalment: monthTotal('arrears_instalment'),
    },
    recentDebits,
    arrears: profile.arrears
      ? { outstanding: profile.arrears.outstanding, instalment: profile.arrears.instalment }
      : null,
  };
}

interface DailyReading {
  date: string;
  units: number;
  amount: number;
  nextDayStart: Date;
}

/**
 * Complete IST days the head-end has readings for, most recent first, reaching back far enough to
 * cover the month so far and a full week. A silent meter's readings stop when it went silent.
 */
function dailyReadings(
  now: Date,
  monthStart: Date,
  lastCommunicationAt: Date,
  dailyUnits: number[],
  tariff: Tariff,
): DailyReading[] {
  const daysIntoMonth = Math.round((istDayStart(now).getTime() - monthStart.getTime()) / DAY_MS);
  const readings: DailyReading[] = [];
  for (let daysBefore = 1; readings.length < Math.max(7, daysIntoMonth + 1); daysBefore += 1) {
    const dayStart = istDayStart(now, daysBefore);
    const nextDayStart = istDayStart(now, daysBefore - 1);
    if (nextDayStart > lastCommunicationAt) continue;
    const units = dailyUnits[readings.length % dailyUnits.length] ?? 0;
    const amount = round2(units * ENERGY_RATE[tariff]);
    readings.push({ date: istDate(dayStart), units, amount, nextDayStart });
  }
  return readings;
}

/**
 * The fixed charge and electricity duty the monthly bill debits on the 1st. On the 1st itself, before
 * the usual debit time, the bill is shown as debited just now so the month always has one.
 */
function monthlyBillDebits(now: Date, monthStart: Date, profile: Profile, tariff: Tariff): Debit[] {
  const billedAt = new Date(Math.min(istTimeOn(monthStart, DAILY_DEBIT_HOUR, 30).getTime(), now.getTime()));
  const fixedCharge = round2(profile.sanctionedLoadKw * FIXED_CHARGE_PER_KW[tariff]);
  const averageDailyUnits = profile.dailyUnits.reduce((sum, u) => sum + u, 0) / profile.dailyUnits.length;
  const lastMonthEnergy = averageDailyUnits * 30 * ENERGY_RATE[tariff];
  const duty = round2(ELECTRICITY_DUTY_RATE * (lastMonthEnergy + fixedCharge));
  return [
    { kind: 'fixed_charge', amount: fixedCharge, at: billedAt.toISOString() },
    { kind: 'duty', amount: duty, at: billedAt.toISOString() },
  ];
}

function debit(kind: DebitKind, amount: number, now: Date, minutesAgo: number): Debit {
  return { kind, amount, at: new Date(now.getTime() - minutesAgo * MINUTE_MS).toISOString() };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
