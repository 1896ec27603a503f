import { OUTCOMES, type CampaignRecord, type CampaignStatus, type Outcome, type Recipient } from './campaign';
import type { CampaignLink, CampaignStore, StatusChange } from './campaignStore';

interface Held {
  record: CampaignRecord;
  recipients: Map<string, Recipient>;
  /** CA numbers waiting to be sent, kept sorted. */
  waiting: string[];
  outcomes: Record<Outcome, Map<string, string>>;
}

/** The campaign store of one process (the embedded default and tests); links live as long as the process. */
export class MemoryCampaignStore implements CampaignStore {
  private readonly campaigns = new Map<string, Held>();
  private readonly messages = new Map<string, CampaignLink>();
  private readonly conversations = new Map<string, CampaignLink>();
  /** "<campaign id> <conversation id>" > the CA number that campaign wrote to there. */
  private readonly written = new Map<string, string>();

  async create(campaign: CampaignRecord): Promise<void> {
    if (this.campaigns.has(campaign.id)) throw new Error(`campaign ${campaign.id} exists`);
    const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, new Map<string, string>()])) as Held['outcomes'];
    this.campaigns.set(campaign.id, { record: structuredClone(campaign), recipients: new Map(), waiting: [], outcomes });
  }

  async find(id: string): Promise<CampaignRecord | null> {
    const held = this.campaigns.get(id);
    return held ? structuredClone(held.record) : null;
  }

  async list(): Promise<CampaignRecord[]> {
    return [...this.campaigns.values()]
      .map((held) => structuredClone(held.record))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  async changeStatus(id: string, from: readonly CampaignStatus[], change: StatusChange): Promise<CampaignRecord | null> {
    const held = this.campaigns.get(id);
    if (!held || !from.includes(held.record.status)) return null;
    held.record = { ...held.record, ...change };
    return structuredClone(held.record);
  }

  async markPrepared(id: string, at: string): Promise<void> {
    const held = this.campaigns.get(id);
    if (held) held.record.preparedAt = at;
  }

  async addRecipients(id: string, recipients: readonly Recipient[]): Promise<number> {
    const held = this.held(id);
    let added = 0;
    for (const recipient of recipients) {
      if (held.recipients.has(recipient.caNumber)) continue;
      held.recipients.set(recipient.caNumber, structuredClone(recipient));
      if (recipient.mobile !== null) held.waiting.push(recipient.caNumber);
      added += 1;
    }
    held.waiting.sort();
    return added;
  }

  async recipient(id: string, caNumber: string): Promise<Recipient | null> {
    const recipient = this.campaigns.get(id)?.recipients.get(caNumber);
    return recipient ? structuredClone(recipient) : null;
  }

  async recipients(id: string): Promise<Recipient[]> {
    return [...(this.campaigns.get(id)?.recipients.values() ?? [])].map((r) => structuredClone(r));
  }

  async claimNext(id: string): Promise<Recipient | null> {
    const held = this.campaigns.get(id);
    const caNumber = held?.waiting.shift();
    return caNumber === undefined ? null : structuredClone(held!.recipients.get(caNumber)!);
  }

  async release(id: string, caNumber: string): Promise<void> {
    const held = this.held(id);
    if (!held.waiting.includes(caNumber)) held.waiting.push(caNumber);
    held.waiting.sort();
  }

  async waiting(id: string): Promise<number> {
    return this.campaigns.get(id)?.waiting.length ?? 0;
  }

  async mark(id: string, caNumber: string, outcome: Outcome, at: string): Promise<boolean> {
    const recorded = this.held(id).outcomes[outcome];
    if (recorded.has(caNumber)) return false;
    recorded.set(caNumber, at);
    return true;
  }

  async counts(id: string): Promise<Record<Outcome, number>> {
    const held = this.campaigns.get(id);
    return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, held?.outcomes[outcome].size ?? 0])) as Record<Outcome, number>;
  }

  async outcomes(id: string): Promise<Record<Outcome, Record<string, string>>> {
    const held = this.campaigns.get(id);
    return Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, Object.fromEntries(held?.outcomes[outcome] ?? [])]),
    ) as Record<Outcome, Record<string, string>>;
  }

  async link(wamid: string, conversationId: string, link: CampaignLink): Promise<void> {
    this.messages.set(wamid, { ...link });
    this.conversations.set(conversationId, { ...link });
    this.written.set(`${link.campaignId} ${conversationId}`, link.caNumber);
  }

  async linkOfMessage(wamid: string): Promise<CampaignLink | null> {
    const link = this.messages.get(wamid);
    return link ? { ...link } : null;
  }

  async linkOfConversation(conversationId: string): Promise<CampaignLink | null> {
    const link = this.conversations.get(conversationId);
    return link ? { ...link } : null;
  }

  async caNumberOfConversation(id: string, conversationId: string): Promise<string | null> {
    return this.written.get(`${id} ${conversationId}`) ?? null;
  }

  private held(id: string): Held {
    const held = this.campaigns.get(id);
    if (!held) throw new Error(`no campaign ${id}`);
    return held;
  }
}
