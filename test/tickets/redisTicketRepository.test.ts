import { RedisTicketRepository } from '../../src/tickets/redisTicketRepository';
import type { Ticket } from '../../src/tickets/ticket';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';

const area = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };

function ticket(number: string, caNumber: string, status: Ticket['status']): Ticket {
  return {
    number,
    category: 'meter_defective',
    priority: 'normal',
    status,
    caNumber,
    area,
    description: 'Display blank.',
    contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
    createdAt: `2026-11-28T06:0${number.at(-1)}:00.000Z`,
    dueAt: '2026-11-30T06:00:00.000Z',
    laterReports: [],
  };
}

describe('RedisTicketRepository, a store written before the open-by-area indexes', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('tickets-upgrade');
  afterAll(async () => {
    await removeKeys(redis, prefix);
    redis.disconnect();
  });

  it('indexes the open tickets it already holds on the first open-by-area read, once', async () => {
    const before = new RedisTicketRepository(redis, prefix);
    await before.openOrJoin(ticket('SP00000001', '101000001', 'open'));
    await before.openOrJoin(ticket('SP00000002', '101000002', 'resolved'));
    await before.openOrJoin(ticket('SP00000003', '101000003', 'on_hold'));
    // As an older version left it: no open-by-area index and no marker.
    const paths = [[], ['Patna'], ['Patna', 'Patna East'], ['Patna', 'Patna East', 'Kankarbagh'], Object.values(area)];
    expect(await redis.del(...paths.map((path) => `${prefix}open-area:${JSON.stringify(path)}`))).toBe(5);

    const upgraded = new RedisTicketRepository(redis, prefix);
    expect((await upgraded.findOpenByArea({ section: 'Kankarbagh-1' })).map((t) => t.number)).toEqual(['SP00000003', 'SP00000001']);
    expect(await redis.exists(`${prefix}open-area:indexed`)).toBe(1);

    // Done once: a later instance does not scan again, so what it was not told about stays out.
    await redis.zrem(`${prefix}open-area:${JSON.stringify([])}`, 'SP00000001');
    expect((await new RedisTicketRepository(redis, prefix).findOpenByArea({})).map((t) => t.number)).toEqual(['SP00000003']);
  });
});
