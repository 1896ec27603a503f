import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../../src/config/ticketPolicy';
import { formatTicketNumber, ticketNumberFromSerial } from '../../../src/domain/ticketNumber';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { TicketWorkflow } from '../../../src/tickets/ticketWorkflow';
import { TestConversation, TEST_NOW } from '../../support/conversation';
import { RecordingNotifier } from '../../tickets/recordingNotifier';

/** A field team working the tickets the conversation opened, on the same store. */
function fieldTeam(repository: MemoryTicketRepository): TicketWorkflow {
  return new TicketWorkflow({
    repository,
    audit: new MemoryAuditLog(),
    notifier: new RecordingNotifier(),
    policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
    slaHours: DEFAULT_SLA_HOURS,
    now: () => TEST_NOW,
  });
}

/** Opens a meter-defective complaint in a fresh conversation and returns its number as shown. */
async function openComplaint(repository: MemoryTicketRepository): Promise<string> {
  const conversation = await TestConversation.start({ ticketRepository: repository }, 'en-US');
  const replies = [...(await conversation.say('meter display is blank')), ...(await conversation.say('101000001'))];
  return /SP-\d{4}-\d{4}/.exec(replies.join('\n'))![0];
}

describe('complaint status', () => {
  it('finds the complaint opened earlier in the conversation by the CA number (English)', async () => {
    const conversation = await TestConversation.start();
    await conversation.play([
      ['user', 'meter display is blank'],
      ['user', '101000001'],
      ['bot', 'Complaint number'],
      ['user', 'what is the status of my complaint'],
      ['bot', /Complaint SP-\d{4}-\d{4} \(meter defective\): open/],
      ['bot', 'assigned to your section'],
    ]);
  });

  it('finds a complaint by its number in another conversation (Hindi)', async () => {
    const ticketRepository = new MemoryTicketRepository();
    const first = await TestConversation.start({ ticketRepository });
    const replies = [
      ...(await first.say('meter ka display band hai')),
      ...(await first.say('101000001')),
    ];
    const number = /SP-\d{4}-\d{4}/.exec(replies.join('\n'))![0];
    const second = await TestConversation.start({ ticketRepository });
    await second.play([
      ['user', `मेरी शिकायत ${number} का क्या हुआ`],
      ['bot', `शिकायत ${number} (मीटर खराब): खुली है`],
    ]);
  });

  it('says when a complaint number does not exist (English)', async () => {
    const missing = formatTicketNumber(ticketNumberFromSerial(9_999_999));
    await (await TestConversation.start()).play([
      ['user', 'what is my complaint status'],
      ['bot', 'complaint number'],
      ['user', missing],
      ['bot', `could not find complaint ${missing}`],
    ]);
  });

  it('shows the live state and the role handling it, never a person (English)', async () => {
    const repository = new MemoryTicketRepository();
    const shown = await openComplaint(repository);
    await fieldTeam(repository).change(shown.replace(/-/g, ''), { type: 'accept' }, { kind: 'staff', username: 'lineman1', role: 'lineman' });
    const conversation = await TestConversation.start({ ticketRepository: repository }, 'en-US');
    const text = (await conversation.say(`status of complaint ${shown}`)).join('\n');
    expect(text).toContain(`Complaint ${shown} (meter defective): accepted by the field team`);
    expect(text).toContain('Next: the field team will come to you.');
    expect(text).toContain("Handled by: your section's lineman.");
    expect(text).not.toContain('lineman1');
  });

  it('shows the live state and the role in Hindi, and a ticket on hold is not overdue', async () => {
    const repository = new MemoryTicketRepository();
    const shown = await openComplaint(repository);
    const number = shown.replace(/-/g, '');
    const team = fieldTeam(repository);
    const je = { kind: 'staff', username: 'je1', role: 'je' } as const;
    await team.change(number, { type: 'accept' }, je);
    await team.change(number, { type: 'hold', reason: 'Meter out of stock' }, je);
    const conversation = await TestConversation.start({ ticketRepository: repository, now: () => new Date('2026-12-30T06:00:00.000Z') });
    const replies = await conversation.say(`मेरी शिकायत ${shown} का क्या हुआ`);
    const text = replies.join('\n');
    expect(text).toContain(`शिकायत ${shown} (मीटर खराब): रुकी हुई है`);
    expect(text).toContain('समय-सीमा रुकी रहेगी');
    expect(text).toContain('ज़िम्मेदार: आपके सेक्शन के कनीय अभियंता (JE)।');
    expect(text).not.toContain('समय-सीमा निकल चुकी है');
  });
});
