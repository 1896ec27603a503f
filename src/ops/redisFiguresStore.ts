import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import { z } from 'zod';
import { istDate } from '../domain/indianTime';
import {
  FIGURES_RETENTION_DAYS,
  MEMBERSHIP_RETENTION_DAYS,
  memberOf,
  TALLY_FIELD,
  TicketOutcomeSchema,
  type ConversationOnChannel,
  type DayRecord,
  type EscalationKind,
  type FiguresStore,
  type FirstToday,
  type TicketEvent,
  type TicketTally,
} from './figuresStore';

const DAY_SECONDS = 86_400;

/**
 * Counts a conversation once per day. KEYS: seen set, counts hash, intents sorted set.
 * ARGV: member, intent ('' for none), figures ttl, membership ttl. Returns 1 for the day's first message.
 */
const RECORD_MESSAGE = new RedisScript(`
local first = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if first == 1 then redis.call('HINCRBY', KEYS[2], 'conversations', 1) end
redis.call('EXPIRE', KEYS[2], ARGV[3])
if ARGV[2] ~= '' then
  redis.call('ZINCRBY', KEYS[3], 1, ARGV[2])
  redis.call('EXPIRE', KEYS[3], ARGV[3])
end
return first
`);

/**
 * Counts the escalation and the handoff of a conversation that wrote that day, once per day each.
 * KEYS: seen, escalated and handed sets, counts hash. ARGV: member, kind, figures ttl, membership ttl.
 * Returns the two firsts.
 */
const RECORD_ESCALATION = new RedisScript(`
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return {0, 0} end
local function first(set, field)
  local added = redis.call('SADD', set, ARGV[1])
  redis.call('EXPIRE', set, ARGV[4])
  if added == 1 then redis.call('HINCRBY', KEYS[4], field, 1) end
  return added
end
local escalated = first(KEYS[2], 'escalated')
local handed = 0
if ARGV[2] == 'agent' then handed = first(KEYS[3], 'handedToAgents') end
redis.call('EXPIRE', KEYS[4], ARGV[3])
return {escalated, handed}
`);

const TicketFieldSchema = z.tuple([TicketOutcomeSchema, z.string().nullable(), z.string()]);
const CountsSchema = z.object({
  conversations: z.coerce.number().int().default(0),
  escalated: z.coerce.number().int().default(0),
  handedToAgents: z.coerce.number().int().default(0),
});

/**
 * The figures on Redis, six keys per IST day that expire: a counts hash, a ticket tally hash and an
 * intents sorted set kept for the retention, and the sets of conversations already counted, kept
 * only while their day can still change.
 */
export class RedisFiguresStore implements FiguresStore {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
  ) {}

  async recordMessage(conversation: ConversationOnChannel, intent: string | null, at: Date): Promise<FirstToday> {
    const keys = this.keys(istDate(at));
    const first = await RECORD_MESSAGE.run(
      this.redis, [keys.seen, keys.counts, keys.intents],
      [memberOf(conversation), intent ?? '', FIGURES_TTL, MEMBERSHIP_TTL],
    );
    return { conversation: first === 1, escalation: false, handoff: false };
  }

  async recordEscalation(conversation: ConversationOnChannel, kind: EscalationKind, at: Date): Promise<FirstToday> {
    const keys = this.keys(istDate(at));
    const firsts = z.array(z.number()).length(2).parse(await RECORD_ESCALATION.run(
      this.redis, [keys.seen, keys.escalated, keys.handed, keys.counts],
      [memberOf(conversation), kind, FIGURES_TTL, MEMBERSHIP_TTL],
    ));
    return { conversation: false, escalation: firsts[0] === 1, handoff: firsts[1] === 1 };
  }

  async recordTicket(event: TicketEvent, at: Date): Promise<void> {
    const { tickets } = this.keys(istDate(at));
    await this.redis
      .multi()
      .hincrby(tickets, JSON.stringify([event.outcome, event.division, event.category]), 1)
      .expire(tickets, FIGURES_TTL)
      .exec();
  }

  async days(dates: readonly string[]): Promise<DayRecord[]> {
    const pipeline = this.redis.pipeline();
    for (const date of dates) {
      const keys = this.keys(date);
      pipeline.hgetall(keys.counts).hgetall(keys.tickets).zrange(keys.intents, 0, -1, 'WITHSCORES');
    }
    const replies = (await pipeline.exec()) ?? [];
    return dates.map((date, index) => {
      const [counts, tickets, intents] = [0, 1, 2].map((offset) => {
        const [error, value] = replies[index * 3 + offset] ?? [new Error('no reply')];
        if (error) throw error;
        return value;
      });
      return {
        date,
        ...CountsSchema.parse(counts),
        tickets: talliesOf(z.record(z.string(), z.string()).parse(tickets)),
        intents: intentsOf(z.array(z.string()).parse(intents)),
      };
    });
  }

  /** One hash slot per day (the braces), so each script's keys sit together on a Redis Cluster. */
  private keys(date: string) {
    const day = `${this.prefix}{${date}}`;
    return {
      counts: `${day}:counts`,
      tickets: `${day}:tickets`,
      intents: `${day}:intents`,
      seen: `${day}:seen`,
      escalated: `${day}:escalated`,
      handed: `${day}:handed`,
    };
  }
}

const FIGURES_TTL = String(FIGURES_RETENTION_DAYS * DAY_SECONDS);
const MEMBERSHIP_TTL = String(MEMBERSHIP_RETENTION_DAYS * DAY_SECONDS);

function talliesOf(fields: Record<string, string>): TicketTally[] {
  const tallies = new Map<string, TicketTally>();
  for (const [field, count] of Object.entries(fields)) {
    const [outcome, division, category] = TicketFieldSchema.parse(JSON.parse(field));
    const key = JSON.stringify([division, category]);
    const tally = tallies.get(key) ?? { division, category, opened: 0, resolvedWithinSla: 0, resolvedLate: 0 };
    tally[TALLY_FIELD[outcome]] += Number(count);
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}

/** ZRANGE WITHSCORES answers member, score, member, score... */
function intentsOf(flat: string[]): { intent: string; count: number }[] {
  const intents: { intent: string; count: number }[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    intents.push({ intent: flat[index] ?? '', count: Number(flat[index + 1]) });
  }
  return intents;
}
