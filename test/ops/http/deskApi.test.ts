import type { HandoffRequest } from '../../../src/handoff/handoffQueue';
import { mountDeskApi } from '../../../src/ops/http/deskApi';
import type { TicketCategory } from '../../../src/config/ticketPolicy';
import { TEST_NOW } from '../../support/conversation';
import { callBackRequest } from '../../handoff/callBacks/callBackStore.contract';
import { startAgentApi, type AgentApiHarness } from '../../handoff/http/agentApiHarness';

/** Four days after the tickets below were opened, at the test hour. */
const LATER = new Date(TEST_NOW.getTime() + 4 * 86_400_000);

describe('ops API: the desk as it stands', () => {
  let harness: AgentApiHarness;
  beforeEach(async () => {
    harness = await startAgentApi();
    mountDeskApi(harness.server, {
      authentication: harness.authentication,
      handoff: harness.sampark.handoff,
      presence: harness.sampark.presence,
      callBacks: harness.sampark.callBacks,
      tickets: harness.sampark.ticketRepository,
      audit: harness.audit,
      now: () => LATER,
    });
  });
  afterEach(() => harness.close());

  const request = (conversationId: string, minutesBefore: number, urgent = false): HandoffRequest => ({
    conversationId,
    channel: 'test',
    language: 'hi',
    reason: 'consumer_asked',
    caNumber: null,
    lastIntent: null,
    requestedAt: new Date(LATER.getTime() - minutesBefore * 60_000).toISOString(),
    ...(urgent ? { urgent } : {}),
  });
  const ticket = (category: TicketCategory, caNumber: string) =>
    harness.sampark.services.tickets.open({
      category,
      description: 'test',
      urgent: false,
      caNumber,
      area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
      urban: true,
      contact: { channel: 'test', conversationId: `c-${caNumber}`, language: 'hi' },
    });

  it('counts who waits and how long, who answers, the call-backs owed, and the open complaints and campaign visits by age apart', async () => {
    await harness.sampark.handoff.enqueue(request('ill', 3, true));
    await harness.sampark.handoff.enqueue(request('long', 12));
    await harness.sampark.handoff.enqueue(request('taken', 1));
    await harness.sampark.handoff.claim('taken', 'agent1');
    await harness.sampark.presence.heartbeat('console-1', { username: 'agent1', name: 'Anita Kumari', role: 'agent' });
    await harness.sampark.presence.heartbeat('console-2', { username: 'agent2', name: 'Rahul Singh', role: 'agent' });
    await harness.sampark.presence.heartbeat('console-3', { username: 'supervisor1', name: 'Meena Sinha', role: 'supervisor' });
    await harness.sampark.presence.setAway('agent2', true);
    await harness.sampark.callBacks.request(callBackRequest('due', { dueAt: TEST_NOW.toISOString() }));
    await harness.sampark.callBacks.request(callBackRequest('later', { dueAt: new Date(LATER.getTime() + 3_600_000).toISOString() }));
    // Opened four days before: a payment complaint (24 h) is late, a meter test (120 h) is not yet.
    await ticket('payment_not_credited', '101000005');
    await ticket('meter_test', '101000001');
    await ticket('sampark_visit', '102000001');

    const response = await harness.call('supervisor1', 'GET', '/api/ops/desk');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      at: LATER.toISOString(),
      queue: { waiting: 2, urgent: 1, longestWaitSeconds: 720 },
      agents: { online: 2, away: 1, withConsumers: 1 },
      callBacks: { open: 2, dueNow: 1 },
      complaints: { open: 2, byAge: { under_1_day: 0, '1_to_3_days': 0, '3_to_7_days': 2, over_7_days: 0 }, breachedNow: 1 },
      campaignVisits: { open: 1, byAge: { under_1_day: 0, '1_to_3_days': 0, '3_to_7_days': 1, over_7_days: 0 }, breachedNow: 0 },
    });
    expect((await harness.audit.recent(5)).map((entry) => `${entry.actor} ${entry.action}`)).toContain('supervisor1 ops.desk_viewed');
  });

  it('is for supervisors only', async () => {
    expect((await harness.call('agent1', 'GET', '/api/ops/desk')).status).toBe(403);
    expect((await harness.call('lineman1', 'GET', '/api/ops/desk')).status).toBe(403);
    expect((await harness.call('not-a-token', 'GET', '/api/ops/desk')).status).toBe(401);
  });
});
