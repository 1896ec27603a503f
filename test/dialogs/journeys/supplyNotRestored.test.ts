import type { ReconnectResult } from '../../../src/backend/meterBackend';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { TEST_NOW, TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'a negative balance: how much more to recharge (romanized Hindi)': [
    ['user', 'recharge kiya light nahi aayi'],
    ['bot', 'उपभोक्ता संख्या'],
    ['user', '101000002'],
    ['bot', 'बैलेंस -₹236.40 है'],
    ['bot', '₹236.40 से अधिक का रिचार्ज'],
  ],
  'an open relay with a positive balance is reconnected (English)': [
    ['user', 'I recharged but the supply is not restored'],
    ['user', '101000006'],
    ['bot', 'sent a reconnection command: supply should come back within 15 minutes'],
  ],
  'a meter that does not communicate becomes a field ticket (English)': [
    ['user', 'recharged two hours ago, still no light'],
    ['user', '101000007'],
    ['bot', 'has not been in contact with the system'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter not communicating\)/],
  ],
  'a meter that shows supply on offers a lineman visit (English)': [
    ['user', 'recharged but light not back'],
    ['user', '101000001'],
    ['bot', 'shows supply on'],
    ['user', 'yes'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(other\)/],
  ],
};

/** A head-end that accepts reconnect commands that never close the relay. */
class StuckRelayBackend extends SimulatedMeterBackend {
  override async requestReconnect(): Promise<ReconnectResult> {
    return { outcome: 'reconnect_sent', expectedMinutes: 15 };
  }
}

describe('supply not restored', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });

  it('tells the field team when the meter fell silent on their own clock (IST), not as a machine timestamp', async () => {
    const conversation = await TestConversation.start({}, 'en-US');
    await conversation.play([
      ['user', 'recharged two hours ago, still no light'],
      ['user', '101000007'],
      ['bot', /Complaint number/],
    ]);
    const [ticket] = await conversation.sampark.ticketRepository.findByConsumer('101000007');
    expect(ticket?.description).toMatch(/meter silent since \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m IST\./i);
    expect(ticket?.description).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('asks for patience within the wait, and raises a ticket when the reconnection did not work (Hindi)', async () => {
    let now = TEST_NOW;
    const clock = () => now;
    const conversation = await TestConversation.start({ now: clock, backend: new StuckRelayBackend({ now: clock }) });
    await conversation.play([
      ['user', 'रिचार्ज के बाद भी बिजली नहीं आई'],
      ['user', '101000006'],
      ['bot', 'दोबारा कनेक्शन का आदेश भेज दिया'],
    ]);
    now = new Date(TEST_NOW.getTime() + 5 * 60_000);
    await conversation.play([
      ['user', 'light abhi bhi nahi aayi'],
      ['bot', 'तक प्रतीक्षा करें'],
    ]);
    now = new Date(TEST_NOW.getTime() + 20 * 60_000);
    await conversation.play([
      ['user', 'light abhi bhi nahi aayi'],
      ['bot', 'दोबारा कनेक्शन के आदेश से आपकी बिजली चालू नहीं हुई'],
      ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(बिजली दोबारा चालू नहीं हुई\)/],
    ]);
  });
});
