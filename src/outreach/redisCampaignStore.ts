import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import {
  CampaignRecordSchema,
  OUTCOMES,
  RecipientSchema,
  type CampaignRecord,
  type CampaignStatus,
  type Outcome,
  type Recipient,
} from './campaign';
import { CampaignLinkSchema, type CampaignLink, type CampaignStore, type StatusChange } from './campaignStore';

/**
 * Sets fields when the status is one of those allowed. KEYS[1] = campaign hash.
 * ARGV: n, n allowed statuses, then field/value pairs. Returns 1 when changed.
 */
const CHANGE_STATUS = new RedisScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 0 end
local n = tonumber(ARGV[1])
local allowed = false
for i = 2, n + 1 do
  if ARGV[i] == status then allowed = true end
end
if not allowed then return 0 end
for i = n + 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
return 1
`);

/**
 * Adds recipients not there yet and queues those with a mobile. KEYS: recipients hash, waiting set.
 * ARGV: triples of CA number, recipient JSON, "1" when it has a mobile. Returns how many were new.
 */
const ADD_RECIPIENTS = new RedisScript(`
local added = 0
for i = 1, #ARGV, 3 do
  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then
    added = added + 1
    if ARGV[i + 2] == '1' then redis.call('ZADD', KEYS[2], 0, ARGV[i]) end
  end
end
return added
`);

/** Status fields kept beside the fixed part, '' standing for null. */
const STATE_FIELDS = ['status', 'startedAt', 'finishedAt', 'preparedAt'] as const;

/**
 * Campaigns on Redis: a hash per campaign (its fixed part as JSON, its status fields beside it),
 * recipients in a hash by CA number, the ones waiting to be sent in a sorted set popped atomically
 * (ZPOPMIN: one caller per recipient), and a hash per outcome written with HSETNX. Links from a
 * message or a conversation back to its campaign expire after `linkTtlSeconds`.
 */
export class RedisCampaignStore implements CampaignStore {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
    private readonly linkTtlSeconds: number,
  ) {}

  async create(campaign: CampaignRecord): Promise<void> {
    const { status, startedAt, finishedAt, preparedAt, ...fixed } = campaign;
    const created = await this.redis.hsetnx(this.key(campaign.id), 'fixed', JSON.stringify(fixed));
    if (created === 0) throw new Error(`campaign ${campaign.id} exists`);
    await this.redis
      .multi()
      .hset(this.key(campaign.id), { status, startedAt: startedAt ?? '', finishedAt: finishedAt ?? '', preparedAt: preparedAt ?? '' })
      .zadd(`${this.prefix}campaigns`, Date.parse(campaign.createdAt), campaign.id)
      .exec();
  }

  async find(id: string): Promise<CampaignRecord | null> {
    return recordOf(await this.redis.hgetall(this.key(id)));
  }

  async list(): Promise<CampaignRecord[]> {
    const ids = await this.redis.zrevrange(`${this.prefix}campaigns`, 0, -1);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.key(id));
    const answers = (await pipeline.exec()) ?? [];
    return answers.map(([, hash]) => recordOf(hash as Record<string, string>)).filter((r): r is CampaignRecord => r !== null);
  }

  async changeStatus(id: string, from: readonly CampaignStatus[], change: StatusChange): Promise<CampaignRecord | null> {
    const pairs = Object.entries(change).flatMap(([field, value]) => [field, value ?? '']);
    const changed = await CHANGE_STATUS.run(this.redis, [this.key(id)], [from.length, ...from, ...pairs]);
    return changed === 1 ? this.find(id) : null;
  }

  async markPrepared(id: string, at: string): Promise<void> {
    await this.redis.hset(this.key(id), 'preparedAt', at);
  }

  async addRecipients(id: string, recipients: readonly Recipient[]): Promise<number> {
    if (recipients.length === 0) return 0;
    const args = recipients.flatMap((r) => [r.caNumber, JSON.stringify(r), r.mobile === null ? '0' : '1']);
    return Number(await ADD_RECIPIENTS.run(this.redis, [this.key(id, 'recipients'), this.key(id, 'waiting')], args));
  }

  async recipient(id: string, caNumber: string): Promise<Recipient | null> {
    const json = await this.redis.hget(this.key(id, 'recipients'), caNumber);
    return json ? RecipientSchema.parse(JSON.parse(json)) : null;
  }

  async recipients(id: string): Promise<Recipient[]> {
    const all = await this.redis.hvals(this.key(id, 'recipients'));
    return all.map((json) => RecipientSchema.parse(JSON.parse(json)));
  }

  async claimNext(id: string): Promise<Recipient | null> {
    const [caNumber] = await this.redis.zpopmin(this.key(id, 'waiting'));
    return caNumber === undefined ? null : this.recipient(id, caNumber);
  }

  async release(id: string, caNumber: string): Promise<void> {
    await this.redis.zadd(this.key(id, 'waiting'), 0, caNumber);
  }

  async waiting(id: string): Promise<number> {
    return this.redis.zcard(this.key(id, 'waiting'));
  }

  async mark(id: string, caNumber: string, outcome: Outcome, at: string): Promise<boolean> {
    return (await this.redis.hsetnx(this.key(id, `outcome:${outcome}`), caNumber, at)) === 1;
  }

  async counts(id: string): Promise<Record<Outcome, number>> {
    const pipeline = this.redis.pipeline();
    for (const outcome of OUTCOMES) pipeline.hlen(this.key(id, `outcome:${outcome}`));
    const answers = (await pipeline.exec()) ?? [];
    return Object.fromEntries(OUTCOMES.map((outcome, index) => [outcome, Number(answers[index]?.[1] ?? 0)])) as Record<Outcome, number>;
  }

  async outcomes(id: string): Promise<Record<Outcome, Record<string, string>>> {
    const pipeline = this.redis.pipeline();
    for (const outcome of OUTCOMES) pipeline.hgetall(this.key(id, `outcome:${outcome}`));
    const answers = (await pipeline.exec()) ?? [];
    return Object.fromEntries(OUTCOMES.map((outcome, index) => [outcome, (answers[index]?.[1] ?? {}) as Record<string, string>])) as Record<
      Outcome,
      Record<string, string>
    >;
  }

  async link(wamid: string, conversationId: string, link: CampaignLink): Promise<void> {
    const json = JSON.stringify(link);
    await this.redis
      .multi()
      .set(`${this.prefix}message:${wamid}`, json, 'EX', this.linkTtlSeconds)
      .set(`${this.prefix}conversation:${conversationId}`, json, 'EX', this.linkTtlSeconds)
      .hset(this.key(link.campaignId, 'conversations'), conversationId, link.caNumber)
      .exec();
  }

  async linkOfMessage(wamid: string): Promise<CampaignLink | null> {
    return linkOf(await this.redis.get(`${this.prefix}message:${wamid}`));
  }

  async linkOfConversation(conversationId: string): Promise<CampaignLink | null> {
    return linkOf(await this.redis.get(`${this.prefix}conversation:${conversationId}`));
  }

  async caNumberOfConversation(id: string, conversationId: string): Promise<string | null> {
    return this.redis.hget(this.key(id, 'conversations'), conversationId);
  }

  private key(id: string, part?: string): string {
    return `${this.prefix}campaign:${id}${part ? `:${part}` : ''}`;
  }
}

function recordOf(hash: Record<string, string>): CampaignRecord | null {
  if (!hash.fixed) return null;
  const state = Object.fromEntries(STATE_FIELDS.map((field) => [field, hash[field] ? hash[field] : null]));
  return CampaignRecordSchema.parse({ ...(JSON.parse(hash.fixed) as object), ...state });
}

function linkOf(json: string | null): CampaignLink | null {
  return json ? CampaignLinkSchema.parse(JSON.parse(json)) : null;
}
