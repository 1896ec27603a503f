import { formatTicketNumber, ticketNumberFromSerial } from '../../../src/domain/ticketNumber';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { TestConversation } from '../../support/conversation';

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
});
