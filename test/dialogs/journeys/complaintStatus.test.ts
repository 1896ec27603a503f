import { createSampark } from '../../../src/app';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../../src/config/config';
import { silentLogger } from '../../../src/log/logger';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../../src/config/ticketPolicy';
import { formatTicketNumber, ticketNumberFromSerial } from '../../../src/domain/ticketNumber';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { TicketWorkflow } from '../../../src/tickets/ticketWorkflow';
import { TestConversation, TEST_NOW, type TranscriptLine } from '../../support/conversation';
import { RecordingNotifier } from '../../tickets/recordingNotifier';

/** A field team working the tickets the conversation opened, on the same store. */
function fieldTeam(repository: MemoryTicketRepository, now: () => Date = () => TEST_NOW): TicketWorkflow {
  return new TicketWorkflow({
    repository,
    audit: new MemoryAuditLog(),
    notifier: new RecordingNotifier(),
    policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
    slaHours: DEFAULT_SLA_HOURS,
    now,
  });
}

const HOUR = 3_600_000;
const lineman1 = { kind: 'staff', username: 'lineman1', role: 'lineman' } as const;

/** The lineman accepts and resolves the ticket one hour after it was opened. */
async function resolveAnHourLater(repository: MemoryTicketRepository, shown: string): Promise<void> {
  const team = fieldTeam(repository, () => new Date(TEST_NOW.getTime() + HOUR));
  const number = shown.replace(/-/g, '');
  await team.change(number, { type: 'accept' }, lineman1);
  const resolved = await team.change(number, { type: 'resolve', code: 'meter_replaced', note: 'New meter fitted.' }, lineman1);
  if (!resolved.ok) throw new Error(`could not resolve ${shown}: ${resolved.problem}`);
}

/**
 * A consumer reports a blank display in their language, the field team resolves it an hour later,
 * and the same consumer comes back `hoursAfter` the resolution: what they then say and hear.
 */
async function comeBack(locale: 'hi-IN' | 'en-US', hoursAfter: number, lines: (shown: string) => TranscriptLine[]) {
  const repository = new MemoryTicketRepository();
  let now = TEST_NOW;
  const conversation = await TestConversation.start({ ticketRepository: repository, now: () => now }, locale);
  const replies = [
    ...(await conversation.say(locale === 'hi-IN' ? 'meter ka display band hai' : 'meter display is blank')),
    ...(await conversation.say('101000001')),
  ];
  const shown = /SP-\d{4}-\d{4}/.exec(replies.join('\n'))![0];
  await resolveAnHourLater(repository, shown);
  now = new Date(TEST_NOW.getTime() + (1 + hoursAfter) * HOUR);
  await conversation.play(lines(shown));
  return { repository, number: shown.replace(/-/g, ''), conversation };
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

  it('offers a complaint here when the CA number has none in the system, as one made on 1912 may not show (Hindi)', async () => {
    await (await TestConversation.start()).play([
      ['user', 'हमने परसों 1912 पर मीटर की शिकायत की थी, शिकायत नंबर याद नहीं है'],
      ['bot', 'शिकायत संख्या'],
      ['user', 'उपभोक्ता संख्या 101000007'],
      ['bot', 'इस सिस्टम में उपभोक्ता संख्या 101000007 पर कोई शिकायत नहीं मिली'],
      ['bot', 'क्या मैं अभी यहीं शिकायत दर्ज कर दूँ'],
      ['user', 'हाँ कर दीजिए'],
      ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(मीटर संपर्क में नहीं\)/],
      ['user', 'कितने दिन में आएंगे?'],
      ['bot', /लगभग \d+ घंटे में/],
    ]);
  });

  it('keeps to the answer when no complaint is wanted (English)', async () => {
    await (await TestConversation.start()).play([
      ['user', 'status of my complaint please, CA 101000001'],
      ['bot', 'I find no complaint for consumer number 101000001'],
      ['user', 'no'],
      ['bot', 'Okay.'],
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

  describe('reopening a resolved complaint', () => {
    it('offers it within the window and reopens it with a fresh due time (English)', async () => {
      const { repository, number } = await comeBack('en-US', 5, (shown) => [
        ['user', 'what is the status of my complaint'],
        ['bot', `Complaint ${shown} (meter defective): resolved`],
        ['bot', 'It has been resolved. If the problem is back, tell me and I will reopen it.'],
        ['bot', `Is the problem back? I can reopen complaint ${shown} until`],
        ['bot', '[Yes | No]'],
        ['user', 'yes'],
        ['bot', `I have reopened complaint ${shown}. The field team will take it up again; it should be resolved by`],
      ]);
      const reopened = (await repository.findByNumber(number))!;
      // Back with the lineman who had it, with a fresh SLA from the moment it was reopened.
      expect(reopened).toMatchObject({ status: 'assigned', work: { assignee: { username: 'lineman1' } } });
      expect(reopened.work?.reopenCount).toBe(1);
      expect(Date.parse(reopened.dueAt)).toBe(TEST_NOW.getTime() + 6 * HOUR + DEFAULT_SLA_HOURS.meter_defective.urban * HOUR);
    });

    it('leaves it resolved when the consumer says no (Hindi)', async () => {
      const { repository, number } = await comeBack('hi-IN', 5, (shown) => [
        ['user', 'meri shikayat ka kya hua'],
        ['bot', `शिकायत ${shown} (मीटर खराब): समाधान हो गया`],
        ['bot', `क्या समस्या फिर से है? मैं शिकायत ${shown} को`],
        ['bot', '[हाँ | नहीं]'],
        ['user', 'नहीं'],
        ['bot', `ठीक है, शिकायत ${shown} जैसी है वैसी रहेगी।`],
      ]);
      expect((await repository.findByNumber(number))!.status).toBe('resolved');
    });

    it('reopens it when the consumer says haan (Hindi)', async () => {
      const { repository, number } = await comeBack('hi-IN', 71, (shown) => [
        ['user', 'meri shikayat ka kya hua'],
        ['bot', `दोबारा खोल सकता हूँ`],
        ['user', 'haan'],
        ['bot', `मैंने शिकायत ${shown} दोबारा खोल दी है।`],
      ]);
      expect((await repository.findByNumber(number))!.work?.reopenCount).toBe(1);
    });

    it.each([
      ['hi-IN', 'meter ka display band hai', 'समस्या फिर आए तो यहीं "दोबारा खोलें" लिखें।', 'दोबारा खोलें', 'हाँ', 'दोबारा खोल दी है।'],
      ['en-US', 'meter display is blank', 'If the problem is back, write "reopen" here.', 'reopen', 'yes', 'I have reopened complaint'],
    ] as const)('the consumer told of the resolution writes back as the notice says and reopens it (%s)', async (locale, report, told, reopen, yes, reopened) => {
      let now = TEST_NOW;
      const conversation = await TestConversation.start({ now: () => now }, locale);
      conversation.sampark.notifier.register('test', conversation.proactiveChannel());
      const replies = [...(await conversation.say(report)), ...(await conversation.say('101000001'))];
      const shown = /SP-\d{4}-\d{4}/.exec(replies.join('\n'))![0];
      now = new Date(TEST_NOW.getTime() + HOUR);
      const team = conversation.sampark.ticketWorkflow;
      await team.change(shown.replace(/-/g, ''), { type: 'accept' }, lineman1);
      await team.change(shown.replace(/-/g, ''), { type: 'resolve', code: 'meter_replaced', note: 'New meter fitted.' }, lineman1);
      expect(conversation.received().join('\n')).toContain(told);
      now = new Date(TEST_NOW.getTime() + 3 * HOUR);
      await conversation.play([
        ['user', reopen],
        ['bot', shown],
        ['user', yes],
        ['bot', reopened],
      ]);
      // The consumer reopened it here and was answered here: no second, proactive notice.
      expect(conversation.received()).toEqual([]);
    });

    it.each([
      ['en-US', 'what is the status of my complaint', 'It was finished more than 72 hours ago, so it can no longer be reopened.'],
      ['hi-IN', 'meri shikayat ka kya hua', 'इसे पूरा हुए 72 घंटे से अधिक हो चुके हैं, इसलिए अब यह दोबारा नहीं खुल सकती।'],
    ] as const)('says it can no longer be reopened once the window has passed (%s)', async (locale, ask, passed) => {
      const { conversation } = await comeBack(locale, 73, () => [
        ['user', ask],
        ['bot', passed],
      ]);
      const again = (await conversation.say(ask)).join('\n');
      expect(again).not.toMatch(/Is the problem back|क्या समस्या फिर से है|\[Yes|\[हाँ/);
    });

    it('never offers another consumer\'s complaint to someone who only knows its number (Hindi)', async () => {
      const repository = new MemoryTicketRepository();
      const shown = await openComplaint(repository);
      await resolveAnHourLater(repository, shown);
      const stranger = await TestConversation.start({ ticketRepository: repository, now: () => new Date(TEST_NOW.getTime() + 2 * HOUR) });
      const text = (await stranger.say({ text: `मेरी शिकायत ${shown} का क्या हुआ`, conversation: { id: 'stranger', isGroup: false, conversationType: 'personal', name: '' } })).join('\n');
      expect(text).toContain(`शिकायत ${shown} (मीटर खराब): समाधान हो गया`);
      expect(text).not.toMatch(/दोबारा खोल सकता हूँ|दोबारा खोल दूँगा/);
      expect(text).toContain('समस्या फिर आई है तो मुझे बताइए क्या परेशानी है, मैं नई शिकायत दर्ज कर दूँगा।');
    });

    it('never offers another conversation\'s complaint to a stranger who knows the CA number (English)', async () => {
      const repository = new MemoryTicketRepository();
      const shown = await openComplaint(repository);
      await resolveAnHourLater(repository, shown);
      const stranger = await TestConversation.start({ ticketRepository: repository, now: () => new Date(TEST_NOW.getTime() + 2 * HOUR) }, 'en-US');
      const asStranger = (text: string) => stranger.say({ text, conversation: { id: 'stranger', isGroup: false, conversationType: 'personal', name: '' } });
      const replies = [...(await asStranger('what is the status of my complaint')), ...(await asStranger('101000001'))];
      const text = replies.join('\n');
      expect(text).toContain(shown);
      expect(text).not.toMatch(/Is the problem back|I can reopen|I will reopen it/);
      expect(text).toContain('It has been resolved. If the problem is back, tell me what is wrong and I will register a new complaint.');
    });

    it('uses the reopen window of the configuration (TICKET_REOPEN_WINDOW_HOURS)', async () => {
      const repository = new MemoryTicketRepository();
      const now = () => new Date(TEST_NOW.getTime() + 4 * HOUR);
      const sampark = await createSampark(loadConfig({ TICKET_REOPEN_WINDOW_HOURS: '2' }), silentLogger(), {
        now,
        ticketRepository: repository,
        backend: new SimulatedMeterBackend({ now }),
      });
      const shown = await openComplaint(repository);
      await resolveAnHourLater(repository, shown);
      await TestConversation.over(sampark, 'en-US').play([
        ['user', `status of complaint ${shown}`],
        ['bot', 'It was finished more than 2 hours ago, so it can no longer be reopened.'],
      ]);
      await sampark.close();
    });
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
