import type { Redis } from 'ioredis';
import { TicketSchema, type Ticket } from './ticket';
import { openTicketKey, type TicketRepository } from './ticketRepository';

/**
 * Opens the candidate unless the consumer's open ticket of that category exists; then counts one
 * more complaint on it. One script, so two instances opening the same problem at once make one ticket.
 * KEYS: open index, candidate's ticket hash, consumer's ticket index.
 * ARGV: ticket key prefix, candidate number, candidate JSON, created-at score.
 */
const OPEN_OR_JOIN = `
local existing = redis.call('GET', KEYS[1])
if existing then
  local key = ARGV[1] .. existing
  if redis.call('EXISTS', key) == 1 then
    redis.call('HINCRBY', key, 'joined', 1)
    return existing
  end
end
redis.call('HSET', KEYS[2], 'ticket', ARGV[3], 'joined', 0)
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
return ARGV[2]
`;

/** Tickets on Redis: a hash per ticket, an index per consumer, and the open ticket per consumer and category. */
export class RedisTicketRepository implements TicketRepository {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async nextSerial(): Promise<number> {
    return this.redis.incr(`${this.prefix}serial`);
  }

  async openOrJoin(candidate: Ticket): Promise<{ ticket: Ticket; joined: boolean }> {
    if (candidate.caNumber === null) {
      await this.redis.hset(this.ticketKey(candidate.number), 'ticket', JSON.stringify(candidate), 'joined', 0);
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
    )) as string;
    const ticket = await this.findByNumber(number);
    if (!ticket) throw new Error(`ticket ${number} vanished while opening`);
    return { ticket, joined: number !== candidate.number };
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    const [json, joined] = await this.redis.hmget(this.ticketKey(number), 'ticket', 'joined');
    if (json === null) return null;
    return TicketSchema.parse({ ...(JSON.parse(json) as object), joinedComplaints: Number(joined ?? 0) });
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
