import type { Area, GeoPoint } from '../meterBackend';
import { area, type Profile } from './seedConsumers';
import { seededRandom } from '../../domain/seededRandom';

/**
 * The crowd behind the demo consumers: thousands of ordinary connections spread over circles,
 * divisions and sections, some cut for a negative balance, some never registered a mobile, so a
 * campaign's targeting has something real to find. Deterministic (a seeded generator), so tests and
 * demos see the same people every time; built only when first asked for, so start-up stays quick.
 */

/** CA numbers of the crowd run from here upwards, clear of the demo consumers (101000001...). */
export const POPULATION_FIRST_CA = 102_000_001;
export const POPULATION_SIZE = 6000;

const MINUTE_HOURS = 60;
const DAY_MINUTES = 24 * MINUTE_HOURS;

/** Sections by circle and division, with whether they are towns (urban) or villages. */
/** `centre` is roughly where each section's houses are, so the crowd's meters have surveyed points. */
const SECTIONS: ReadonlyArray<{ area: Area; urban: boolean; discom: 'SBPDCL' | 'NBPDCL'; centre: GeoPoint }> = [
  { area: area('Patna', 'Patna East', 'Kankarbagh', 'Kankarbagh-1'), urban: true, discom: 'SBPDCL', centre: { latitude: 25.5958, longitude: 85.1589 } },
  { area: area('Patna', 'Patna East', 'Kankarbagh', 'Kankarbagh-2'), urban: true, discom: 'SBPDCL', centre: { latitude: 25.5921, longitude: 85.1652 } },
  { area: area('Patna', 'Patna East', 'Rajendra Nagar', 'Rajendra Nagar'), urban: true, discom: 'SBPDCL', centre: { latitude: 25.605, longitude: 85.168 } },
  { area: area('Patna', 'Danapur', 'Bihta', 'Bihta-1'), urban: false, discom: 'SBPDCL', centre: { latitude: 25.5617, longitude: 84.8697 } },
  { area: area('Patna', 'Danapur', 'Danapur', 'Danapur-2'), urban: true, discom: 'SBPDCL', centre: { latitude: 25.6311, longitude: 85.0462 } },
  { area: area('Gaya', 'Gaya Urban', 'Gaya Town', 'Nai Godam'), urban: true, discom: 'SBPDCL', centre: { latitude: 24.7969, longitude: 85.0141 } },
  { area: area('Gaya', 'Gaya Rural', 'Bodh Gaya', 'Bodh Gaya'), urban: false, discom: 'SBPDCL', centre: { latitude: 24.6961, longitude: 84.9869 } },
  { area: area('Bhagalpur', 'Bhagalpur Urban', 'Tilkamanjhi', 'Tilkamanjhi-2'), urban: true, discom: 'SBPDCL', centre: { latitude: 25.252, longitude: 86.974 } },
  { area: area('Bhagalpur', 'Bhagalpur Rural', 'Nathnagar', 'Nathnagar'), urban: false, discom: 'SBPDCL', centre: { latitude: 25.2405, longitude: 86.9395 } },
  { area: area('Muzaffarpur', 'Muzaffarpur Urban-1', 'Brahmpura', 'Brahmpura-1'), urban: true, discom: 'NBPDCL', centre: { latitude: 26.1225, longitude: 85.377 } },
  { area: area('Muzaffarpur', 'Muzaffarpur East', 'Motipur', 'Motipur'), urban: false, discom: 'NBPDCL', centre: { latitude: 26.2473, longitude: 85.1593 } },
  { area: area('Darbhanga', 'Darbhanga Urban', 'Lalbagh', 'Lalbagh'), urban: true, discom: 'NBPDCL', centre: { latitude: 26.161, longitude: 85.883 } },
  { area: area('Samastipur', 'Samastipur', 'Pusa', 'Birauli'), urban: false, discom: 'NBPDCL', centre: { latitude: 25.985, longitude: 85.669 } },
];

const FIRST_NAMES = ['Ramesh', 'Sunita', 'Anil', 'Geeta', 'Suresh', 'Rekha', 'Vijay', 'Poonam', 'Rakesh', 'Meena', 'Shambhu', 'Anita', 'Mohammad', 'Rubina', 'Birendra', 'Kiran'];
const LAST_NAMES = ['Kumar', 'Devi', 'Singh', 'Yadav', 'Prasad', 'Paswan', 'Mahto', 'Sharma', 'Ansari', 'Choudhary', 'Mandal', 'Jha'];


/** The crowd's profiles in CA order; the same list on every call. */
export function populationProfiles(): Profile[] {
  const random = seededRandom(0x5a4a);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const profiles: Profile[] = [];
  for (let index = 0; index < POPULATION_SIZE; index += 1) {
    const caNumber = String(POPULATION_FIRST_CA + index);
    const place = pick(SECTIONS);
    const roll = random();
    // About one in six cut for a negative balance, one in five running low, the rest comfortable.
    const cut = roll < 0.16;
    const balance = cut ? -round2(5 + random() * 600) : roll < 0.36 ? round2(random() * 100) : round2(100 + random() * 1900);
    const hasMobile = random() >= 0.28;
    const units = round2(2 + random() * 9);
    profiles.push({
      consumer: {
        caNumber,
        name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
        address: `House ${1 + Math.floor(random() * 400)}, ${place.area.section}, ${place.area.circle}`,
        mobile: hasMobile ? crowdMobile(index) : null,
        meterNumber: `SP${place.discom === 'SBPDCL' ? 'S' : 'N'}${String(index + 1).padStart(8, '0')}`,
        discom: place.discom,
        area: place.area,
        urban: place.urban,
        location: nearby(place.centre, index),
      },
      balance,
      relay: cut ? 'disconnected' : 'connected',
      communicating: true,
      minutesSinceCommunication: 5 + Math.floor(random() * 40),
      lastRecharge: { amount: pick([100, 200, 300, 500, 1000]), minutesAgo: (2 + Math.floor(random() * 40)) * DAY_MINUTES },
      dailyUnits: [units, round2(units * 0.9), round2(units * 1.1), units, round2(units * 0.95), round2(units * 1.05), units],
      sanctionedLoadKw: pick([1, 1, 2, 2, 3]),
      ...(cut ? { supplyCutMinutesAgo: Math.floor((1 + random() * 20 * 24) * MINUTE_HOURS) } : {}),
    });
  }
  return profiles;
}

/**
 * A point within about a kilometre of `centre`, fixed by the connection's index (not the seeded
 * generator, whose sequence decides everything else about the crowd and must not shift).
 */
function nearby(centre: GeoPoint, index: number): GeoPoint {
  const offset = (salt: number): number => (((index * salt) % 2001) - 1000) / 100_000;
  return { latitude: round5(centre.latitude + offset(7919)), longitude: round5(centre.longitude + offset(104_729)) };
}

function round5(value: number): number {
  return Math.round(value * 100_000) / 100_000;
}

/** The mobile a crowd connection is registered with, if it has one: 7 and its number in the crowd. */
function crowdMobile(index: number): string {
  return `7${String(index + 1).padStart(9, '0')}`;
}

/** The CA number of the crowd connection first registered with this mobile, if the mobile is one of theirs. */
export function populationCaOfMobile(mobile: string): string | null {
  if (!/^7\d{9}$/.test(mobile)) return null;
  const index = Number(mobile.slice(1)) - 1;
  return index >= 0 && index < POPULATION_SIZE && crowdMobile(index) === mobile ? String(POPULATION_FIRST_CA + index) : null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
