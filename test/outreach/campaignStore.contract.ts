import type { CampaignRecord, Recipient } from '../../src/outreach/campaign';
import type { CampaignStore } from '../../src/outreach/campaignStore';

/** A campaign store under test: two handles on one store, as two instances would hold them. */
export interface CampaignStoreSubject {
  instances: [CampaignStore, CampaignStore];
  close(): Promise<void>;
}

export function campaign(id: string, createdAt: string, overrides: Partial<CampaignRecord> = {}): CampaignRecord {
  return {
    id,
    name: `Campaign ${id}`,
    criteria: { supplyCutHours: 48, division: 'Patna East' },
    language: 'hi',
    status: 'draft',
    createdAt,
    createdBy: 'supervisor1',
    startedAt: null,
    finishedAt: null,
    preparedAt: null,
    ...overrides,
  };
}

export function recipient(caNumber: string, mobile: string | null, overrides: Partial<Recipient> = {}): Recipient {
  return {
    caNumber,
    mobile,
    conversationId: mobile ? `wa-${caNumber}` : null,
    area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
    urban: true,
    balance: -120,
    ...overrides,
  };
}

const AT = '2026-11-28T05:00:00.000Z';

/** What every campaign store must do, in memory or on Redis. */
export function describeCampaignStoreContract(name: string, open: () => Promise<CampaignStoreSubject>): void {
  describe(`${name} (CampaignStore contract)`, () => {
    let subject: CampaignStoreSubject;
    let store: CampaignStore;
    let other: CampaignStore;
    beforeEach(async () => {
      subject = await open();
      [store, other] = subject.instances;
    });
    afterEach(() => subject.close());

    it('keeps a campaign as created, criteria and nulls included, and lists the newest first', async () => {
      await store.create(campaign('c-old', '2026-11-27T05:00:00.000Z', { criteria: {} }));
      await store.create(campaign('c-new', AT));
      expect(await other.find('c-old')).toEqual(campaign('c-old', '2026-11-27T05:00:00.000Z', { criteria: {} }));
      expect((await other.list()).map((c) => c.id)).toEqual(['c-new', 'c-old']);
      expect(await other.find('c-none')).toBeNull();
    });

    it('changes the status only from the allowed ones, once across concurrent callers', async () => {
      await store.create(campaign('c1', AT));
      const change = { status: 'running', startedAt: AT } as const;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 ? store : other).changeStatus('c1', ['draft'], change)),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.find('c1')).toMatchObject({ status: 'running', startedAt: AT, finishedAt: null });
      expect(await store.changeStatus('c1', ['draft', 'paused'], { status: 'running' })).toBeNull();
      expect(await store.changeStatus('c-none', ['draft'], { status: 'running' })).toBeNull();
      await store.markPrepared('c1', AT);
      expect((await other.find('c1'))?.preparedAt).toBe(AT);
    });

    it('adds each recipient once and queues only those with a mobile, in CA order', async () => {
      await store.create(campaign('c1', AT));
      expect(await store.addRecipients('c1', [recipient('102000003', '7000000003'), recipient('102000001', '7000000001'), recipient('102000002', null)])).toBe(3);
      expect(await other.addRecipients('c1', [recipient('102000001', '7000000001'), recipient('102000004', '7000000004')])).toBe(1);
      expect((await store.recipients('c1')).map((r) => r.caNumber).sort()).toEqual(['102000001', '102000002', '102000003', '102000004']);
      expect(await store.recipient('c1', '102000002')).toEqual(recipient('102000002', null));
      expect(await store.waiting('c1')).toBe(3);
      expect((await store.claimNext('c1'))?.caNumber).toBe('102000001');
      expect((await other.claimNext('c1'))?.caNumber).toBe('102000003');
    });

    it('gives every waiting recipient to exactly one of many concurrent claimers', async () => {
      await store.create(campaign('c1', AT));
      const many = Array.from({ length: 40 }, (_, index) => recipient(String(102000100 + index), `70000${String(index).padStart(5, '0')}`));
      await store.addRecipients('c1', many);
      const claims = await Promise.all(Array.from({ length: 60 }, (_, index) => (index % 2 ? store : other).claimNext('c1')));
      const claimed = claims.filter((r) => r !== null).map((r) => r!.caNumber);
      expect(claimed.sort()).toEqual(many.map((r) => r.caNumber));
      expect(await store.waiting('c1')).toBe(0);
    });

    it('puts a released recipient back in the queue', async () => {
      await store.create(campaign('c1', AT));
      await store.addRecipients('c1', [recipient('102000001', '7000000001')]);
      await store.claimNext('c1');
      expect(await store.claimNext('c1')).toBeNull();
      await other.release('c1', '102000001');
      expect((await store.claimNext('c1'))?.caNumber).toBe('102000001');
    });

    it('records each outcome of a recipient once, keeping the first time', async () => {
      await store.create(campaign('c1', AT));
      const results = await Promise.all([store.mark('c1', '102000001', 'sent', AT), other.mark('c1', '102000001', 'sent', '2026-11-28T06:00:00.000Z')]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.mark('c1', '102000001', 'delivered', AT)).toBe(true);
      const outcomes = await other.outcomes('c1');
      expect(Object.keys(outcomes.sent)).toEqual(['102000001']);
      expect(outcomes.delivered).toEqual({ '102000001': AT });
      expect(outcomes.read).toEqual({});
      expect(await store.counts('c1')).toMatchObject({ sent: 1, delivered: 1, read: 0, visited: 0 });
    });

    it('links a message and its conversation back to the campaign and consumer', async () => {
      await store.link('wamid.A', 'wa-conv', { campaignId: 'c1', caNumber: '102000001' });
      expect(await other.linkOfMessage('wamid.A')).toEqual({ campaignId: 'c1', caNumber: '102000001' });
      expect(await other.linkOfConversation('wa-conv')).toEqual({ campaignId: 'c1', caNumber: '102000001' });
      await other.link('wamid.B', 'wa-conv', { campaignId: 'c2', caNumber: '102000001' });
      expect(await store.linkOfConversation('wa-conv')).toEqual({ campaignId: 'c2', caNumber: '102000001' });
      expect(await store.linkOfMessage('wamid.none')).toBeNull();
      // Each campaign still knows whom it wrote to in that conversation.
      expect(await store.caNumberOfConversation('c1', 'wa-conv')).toBe('102000001');
      expect(await other.caNumberOfConversation('c2', 'wa-conv')).toBe('102000001');
      expect(await other.caNumberOfConversation('c2', 'wa-elsewhere')).toBeNull();
    });
  });
}
