import type { Redis } from 'ioredis';
import { TicketPrioritySchema, TicketSchema, type Ticket } from './ticket';
import { openTicketKey, type TicketRepository } from './ticketRepository';

/**
 * Opens the candidate unless the consumer's open ticket of that category exists; then adds the
 * candidate's report to it and raises its priority if need be. One script, so two instances
 * opening the same problem at once make one ticket.
 * KEYS: open index, candidate's ticket hash, consumer's ticket index.
 * ARGV: ticket key prefix, candidate number, candidate JSON, created-at score, candidate's
 * description, candidate's priority, that priority's rank.
 */
const OPEN_OR_JOIN = `
local existing = redis.call('GET', KEYS[1])
if existing then
  local key = ARGV[1] .. existing
  if redis.call('EXISTS', key) == 1 then
    redis.call('RPUSH', key .. ':reports', ARGV[5])
    if tonumber(ARGV[7]) > tonumber(redis.call('HGET', key, 'rank')) then
      redis.call('HSET', key, 'priority', ARGV[6], 'rank', ARGV[7])
    end
    return existing
  end
end
redis.call('HSET', KEYS[2], 'ticket', ARGV[3], 'priority', ARGV[6], 'rank', ARGV[7])
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
return ARGV[2]
`;

/**
 * Tickets on Redis: a hash per ticket (the ticket as opened, its current priority) with a list of
 * later reports, an index per consumer, and the open ticket per consumer and category.
 */
export class RedisTicketRepository implements TicketRepository {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async nextSerial(): Promise<number> {
    return this.redis.incr(`${this.prefix}serial`);
  }

  async openOrJoin(candidate: Ticket): Promise<{ ticket: Ticket; joined: boolean }> {
    const rank = String(TicketPrioritySchema.options.indexOf(candidate.priority));
    if (candidate.caNumber === null) {
      await this.redis.hset(this.ticketKey(candidate.number), 'ticket', JSON.stringify(candidate), 'priority', candidate.priority, 'rank', rank);
      return { ticket: candidate, joined: false };
    }
    const number = (await this.redis.eval(
      OPEN_OR_JOIN,
      3,
      `${this.prefix}open:${openTicketKey(candidate.caNumber, candidate.category)}`,
      this.ticketKey(candidate.number),
      `${this.prefix}consumer:${candidate.caNumber}`,
      this.ticketKey(''),
      candidate.number,
      JSON.stringify(candidate),
      String(Date.parse(candidate.createdAt)),
      candidate.description,
      candidate.priority,
      rank,
    )) as string;
    const ticket = await this.findByNumber(number);
    if (!ticket) throw new Error(`ticket ${number} vanished while opening`);
    return { ticket, joined: number !== candidate.number };
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    const key = this.ticketKey(number);
    const [[json, priority], laterReports] = await Promise.all([
      this.redis.hmget(key, 'ticket', 'priority'),
      this.redis.lrange(`${key}:reports`, 0, -1),
    ]);
    if (!json) return null;
    return TicketSchema.parse({ ...(JSON.parse(json) as object), priority, laterReports });
  }

  async findByConsumer(caNumber: string): Promise<Ticket[]> {
    const numbers = await this.redis.zrevrange(`${this.prefix}consumer:${caNumber}`, 0, -1);
    const tickets = await Promise.all(numbers.map((number) => this.findByNumber(number)));
    return tickets.filter((ticket): ticket is Ticket => ticket !== null);
  }

  private ticketKey(number: string): string {
    return `${this.prefix}ticket:${number}`;
  }
}
