import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import type { AreaScope } from '../auth/staff';
import type { Area } from '../backend/meterBackend';
import { followersOf, OPEN_STATUSES, TicketContactSchema, TicketPrioritySchema, TicketSchema, type Ticket, type TicketPriority } from './ticket';
import {
  AREA_LEVELS,
  openTicketKey,
  REQUEST_MEMORY_SECONDS,
  withinScope,
  type SaveOutcome,
  type TicketRepository,
} from './ticketRepository';

/**
 * Opens the candidate unless the consumer's open ticket of that category exists; then adds the
 * candidate's report to it and raises its priority if need be. A request key seen before returns
 * its first outcome. One script, so two instances opening the same problem, or retrying the same
 * request, at once make one ticket.
 * KEYS: request key, open index, candidate's ticket hash, consumer's ticket index, then per node of
 * the candidate's area its index of every ticket and its index of open ones, in pairs.
 * ARGV: ticket key prefix, candidate number, candidate JSON, created-at score, candidate's
 * description, candidate's priority, that priority's rank, has request ('1'), has consumer ('1'),
 * seconds to remember the request, candidate is in an open status ('1'), candidate's contact JSON.
 * Returns "<number>|opened" or "<number>|joined".
 */
const OPEN_OR_JOIN = new RedisScript(`
if ARGV[8] == '1' then
  local seen = redis.call('GET', KEYS[1])
  if seen then return seen end
end
local outcome
if ARGV[9] == '1' then
  local existing = redis.call('GET', KEYS[2])
  if existing then
    local key = ARGV[1] .. existing
    if redis.call('EXISTS', key) == 1 then
      redis.call('RPUSH', key .. ':reports', ARGV[5])
      redis.call('RPUSH', key .. ':followers', ARGV[12])
      if tonumber(ARGV[7]) > tonumber(redis.call('HGET', key, 'rank')) then
        redis.call('HSET', key, 'priority', ARGV[6], 'rank', ARGV[7])
      end
      outcome = existing .. '|joined'
    end
  end
end
if not outcome then
  redis.call('HSET', KEYS[3], 'ticket', ARGV[3], 'priority', ARGV[6], 'rank', ARGV[7], 'revision', '0')
  if ARGV[9] == '1' then
    redis.call('SET', KEYS[2], ARGV[2])
    redis.call('ZADD', KEYS[4], ARGV[4], ARGV[2])
  end
  for i = 5, #KEYS, 2 do
    redis.call('ZADD', KEYS[i], ARGV[4], ARGV[2])
    if ARGV[11] == '1' then redis.call('ZADD', KEYS[i + 1], ARGV[4], ARGV[2]) end
  end
  outcome = ARGV[2] .. '|opened'
end
if ARGV[8] == '1' then redis.call('SET', KEYS[1], outcome, 'EX', ARGV[10]) end
return outcome
`);

/**
 * Stores a changed ticket if nobody changed it since `expected revision`, and keeps the open index
 * in step: a ticket leaving the open statuses frees it, a reopened one takes it back unless the
 * consumer has opened another ticket for the problem meanwhile. The open-by-area indexes follow
 * the status in the same step, and the area indexes take a ticket whose area became known late.
 * KEYS: ticket hash, open index, then per node of the ticket's area its index of every ticket and
 * its index of open ones, in pairs.
 * ARGV: expected revision, JSON, priority, rank, number, open mode (open, finished, none), ticket key
 * prefix, in an open status ('1'), created-at score.
 */
const SAVE = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local current = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if current ~= tonumber(ARGV[1]) then return 'stale' end
if ARGV[6] == 'open' then
  local holder = redis.call('GET', KEYS[2])
  if holder and holder ~= ARGV[5] and redis.call('EXISTS', ARGV[7] .. holder) == 1 then return 'taken' end
  redis.call('SET', KEYS[2], ARGV[5])
elseif ARGV[6] == 'finished' then
  if redis.call('GET', KEYS[2]) == ARGV[5] then redis.call('DEL', KEYS[2]) end
end
if tonumber(ARGV[4]) > tonumber(redis.call('HGET', KEYS[1], 'rank')) then
  redis.call('HSET', KEYS[1], 'priority', ARGV[3], 'rank', ARGV[4])
end
redis.call('HSET', KEYS[1], 'ticket', ARGV[2], 'revision', current + 1)
for i = 3, #KEYS, 2 do
  redis.call('ZADD', KEYS[i], ARGV[9], ARGV[5])
  if ARGV[8] == '1' then redis.call('ZADD', KEYS[i + 1], ARGV[9], ARGV[5]) else redis.call('ZREM', KEYS[i + 1], ARGV[5]) end
end
return 'saved'
`);

/**
 * Tickets on Redis: a hash per ticket (the ticket JSON, its current priority and revision) with a
 * list of later reports, an index per consumer, two indexes per node of the area tree (every
 * ticket, and the open ones), the open ticket per consumer and category, and the outcome of each
 * create request for retries.
 */
export class RedisTicketRepository implements TicketRepository {
  /** Settles once the open-by-area indexes are known to hold the tickets stored before they existed. */
  private openIndexed: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async nextSerial(): Promise<number> {
    return this.redis.incr(`${this.prefix}serial`);
  }

  async openOrJoin(candidate: Ticket, requestKey?: string): Promise<{ ticket: Ticket; joined: boolean }> {
    const ca = candidate.caNumber;
    const areaKeys = this.areaPathsOf(candidate.area).flatMap((path) => [this.areaKey(path), this.openAreaKey(path)]);
    const outcome = (await OPEN_OR_JOIN.run(this.redis, [
      `${this.prefix}request:${requestKey ?? ''}`,
      `${this.prefix}open:${openTicketKey(ca ?? '', candidate.category)}`,
      this.ticketKey(candidate.number),
      `${this.prefix}consumer:${ca ?? ''}`,
      ...areaKeys,
    ], [
      this.ticketKey(''),
      candidate.number,
      JSON.stringify(candidate),
      String(Date.parse(candidate.createdAt)),
      candidate.description,
      candidate.priority,
      rankOf(candidate.priority),
      requestKey === undefined ? '0' : '1',
      ca === null ? '0' : '1',
      String(REQUEST_MEMORY_SECONDS),
      isOpen(candidate) ? '1' : '0',
      JSON.stringify(candidate.contact),
    ])) as string;
    const [number = '', result] = outcome.split('|');
    const ticket = await this.findByNumber(number);
    if (!ticket) throw new Error(`ticket ${number} vanished while opening`);
    return { ticket, joined: result === 'joined' };
  }

  async save(ticket: Ticket, expectedRevision: number): Promise<SaveOutcome> {
    const openMode = ticket.caNumber === null ? 'none' : isOpen(ticket) ? 'open' : 'finished';
    const areaKeys = this.areaPathsOf(ticket.area).flatMap((path) => [this.areaKey(path), this.openAreaKey(path)]);
    return (await SAVE.run(this.redis, [
      this.ticketKey(ticket.number),
      `${this.prefix}open:${openTicketKey(ticket.caNumber ?? '', ticket.category)}`,
      ...areaKeys,
    ], [
      String(expectedRevision),
      JSON.stringify(ticket),
      ticket.priority,
      rankOf(ticket.priority),
      ticket.number,
      openMode,
      this.ticketKey(''),
      isOpen(ticket) ? '1' : '0',
      String(Date.parse(ticket.createdAt)),
    ])) as SaveOutcome;
  }

  async findByNumber(number: string): Promise<Ticket | null> {
    const key = this.ticketKey(number);
    const [[json, priority], laterReports, joins] = await Promise.all([
      this.redis.hmget(key, 'ticket', 'priority'),
      this.redis.lrange(`${key}:reports`, 0, -1),
      this.redis.lrange(`${key}:followers`, 0, -1),
    ]);
    if (!json) return null;
    // Reports and followers live in their own lists, where joins append them atomically; the copy in the JSON is stale.
    const stored: Record<string, unknown> = { ...(JSON.parse(json) as object), priority, laterReports };
    delete stored['followers'];
    const followers = followersOf(
      TicketContactSchema.parse(stored['contact']),
      joins.map((join) => TicketContactSchema.parse(JSON.parse(join))),
    );
    return TicketSchema.parse(followers.length > 0 ? { ...stored, followers } : stored);
  }

  async findByConsumer(caNumber: string): Promise<Ticket[]> {
    return this.findAll(await this.redis.zrevrange(`${this.prefix}consumer:${caNumber}`, 0, -1));
  }

  async findByArea(scope: AreaScope): Promise<Ticket[]> {
    const tickets = await this.findAll(await this.redis.zrevrange(this.areaKey(scopePath(scope)), 0, -1));
    return tickets.filter((ticket) => withinScope(ticket.area, scope));
  }

  async findOpenByArea(scope: AreaScope): Promise<Ticket[]> {
    this.openIndexed ??= this.indexOpenTicketsOnce().catch((error: unknown) => {
      this.openIndexed = null;
      throw error;
    });
    await this.openIndexed;
    const tickets = await this.findAll(await this.redis.zrevrange(this.openAreaKey(scopePath(scope)), 0, -1));
    // A ticket changed between the index read and its own read shows as it is now.
    return tickets.filter((ticket) => isOpen(ticket) && withinScope(ticket.area, scope));
  }

  /**
   * Adds the open tickets stored before the open-by-area indexes existed, once per store (a marker
   * key says it is done). One that closes while this runs may stay in an index; reads filter it out.
   */
  private async indexOpenTicketsOnce(): Promise<void> {
    const marker = `${this.prefix}open-area:indexed`;
    if ((await this.redis.exists(marker)) === 1) return;
    const tickets = await this.findAll(await this.redis.zrange(this.areaKey([]), 0, -1));
    const pipeline = this.redis.pipeline();
    for (const ticket of tickets.filter(isOpen)) {
      for (const path of this.areaPathsOf(ticket.area)) pipeline.zadd(this.openAreaKey(path), Date.parse(ticket.createdAt), ticket.number);
    }
    pipeline.set(marker, new Date().toISOString());
    await pipeline.exec();
  }

  private async findAll(numbers: string[]): Promise<Ticket[]> {
    const tickets = await Promise.all(numbers.map((number) => this.findByNumber(number)));
    return tickets.filter((ticket): ticket is Ticket => ticket !== null);
  }

  /** Every node from the root down to the ticket's section; none without an area. */
  private areaPathsOf(area: Area | null): string[][] {
    if (!area) return [];
    return [0, 1, 2, 3, 4].map((depth) => AREA_LEVELS.slice(0, depth).map((level) => area[level]));
  }

  private ticketKey(number: string): string {
    return `${this.prefix}ticket:${number}`;
  }

  /** One sorted set per node of the area tree; the empty path holds every ticket with an area. */
  private areaKey(path: readonly string[]): string {
    return `${this.prefix}area:${JSON.stringify(path)}`;
  }

  /** The open tickets of one node of the area tree. */
  private openAreaKey(path: readonly string[]): string {
    return `${this.prefix}open-area:${JSON.stringify(path)}`;
  }
}

function isOpen(ticket: Ticket): boolean {
  return OPEN_STATUSES.includes(ticket.status);
}

/** The node of the deepest level the scope names from the top; any level named below a gap is filtered after. */
function scopePath(scope: AreaScope): string[] {
  const path: string[] = [];
  for (const level of AREA_LEVELS) {
    const value = scope[level];
    if (value === undefined) break;
    path.push(value);
  }
  return path;
}

function rankOf(priority: TicketPriority): string {
  return String(TicketPrioritySchema.options.indexOf(priority));
}
