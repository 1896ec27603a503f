import { createSampark } from '../../../src/app';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/log/logger';
import { TEST_NOW, TEST_OTP, TestConversation } from '../../support/conversation';

/** A Sampark on the test clock with these limits, and the warnings it logs. */
async function limitedTo(env: Record<string, string>, locale: string) {
  const warnings: Array<Record<string, unknown>> = [];
  const logger = createLogger('warn', { write: (line: string) => void warnings.push(JSON.parse(line) as Record<string, unknown>) });
  const now = () => TEST_NOW;
  const sampark = await createSampark(loadConfig(env), logger, { now, backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }) });
  return { consumer: TestConversation.over(sampark, locale), sampark, warnings };
}

const STRANGER = { id: 'stranger', isGroup: false, conversationType: 'personal', name: '' };

describe('a consumer past the ticket limits is sent to the helpline, kindly, in their language', () => {
  it('refuses a chat its ticket past TICKET_LIMIT_PER_CONVERSATION and points it to 1912 (Hindi)', async () => {
    const { consumer, sampark, warnings } = await limitedTo({ TICKET_LIMIT_PER_CONVERSATION: '1/24h' }, 'hi-IN');
    await consumer.play([
      ['user', 'ek aadmi ne call karke link bheja aur UPI PIN manga'],
      ['bot', 'धोखाधड़ी'],
      ['user', 'haan, complaint darj kar dijiye'],
      ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(धोखाधड़ी की सूचना\)/],
      ['user', 'meter ka display band hai'],
      ['user', '101000001'],
      ['bot', 'क्षमा करें, इस बातचीत से पहले ही कई शिकायतें दर्ज हो चुकी हैं, इसलिए अगले 24 घंटे तक मैं यहाँ नई शिकायत दर्ज नहीं कर सकता।'],
      ['bot', 'कृपया 1912 पर कॉल करें'],
    ]);
    expect(await sampark.services.tickets.findByConsumer('101000001')).toEqual([]);
    expect(warnings).toContainEqual(expect.objectContaining({ conversation: expect.any(String), retryAfterSeconds: 86_400, msg: 'consumer tickets limited for a conversation' }));
  });

  it('refuses a stranger a ticket for a connection past TICKET_LIMIT_PER_CA, and names the connection to the operator (English)', async () => {
    const { consumer, sampark, warnings } = await limitedTo({ TICKET_LIMIT_PER_CA: '1/24h' }, 'en-US');
    await consumer.play([
      ['user', 'meter display is blank'],
      ['user', '101000001'],
      ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter defective\)/],
    ]);
    const asStranger = async (text: string) => (await consumer.say({ text, conversation: STRANGER })).join('\n');
    await asStranger('my meter is burning and there is smoke');
    const refused = await asStranger('101000001');
    expect(refused).toContain(
      'I am sorry: many complaints have been registered for this consumer number recently, so I cannot register another one here for the next 24 hours. Please call 1912',
    );
    expect(refused).not.toMatch(/Complaint number/);
    expect(await sampark.services.tickets.findByConsumer('101000001')).toHaveLength(1);
    expect(warnings).toContainEqual(expect.objectContaining({ conversation: 'stranger', ca: '101000001', msg: 'consumer tickets limited for a connection' }));
  });

  it('keeps the connection\'s own consumer, writing from its registered number on WhatsApp, out of what strangers used up (English)', async () => {
    const { consumer, sampark, warnings } = await limitedTo({ TICKET_LIMIT_PER_CA: '1/24h' }, 'en-US');
    await consumer.play([
      ['user', 'the whole area is dark, transformer problem'],
      ['user', '101000001'],
      ['bot', /Complaint number: SP-\d{4}-\d{4} \(area power cut\)/],
    ]);
    const asStranger = async (text: string) => (await consumer.say({ text, conversation: STRANGER })).join('\n');
    await asStranger('meter display is blank');
    expect(await asStranger('101000001')).toContain('many complaints have been registered for this consumer number recently');

    const owner = (text: string) => ({ text, conversation: { ...STRANGER, id: 'ramesh-on-whatsapp' } });
    await TestConversation.over(sampark, 'en-US', '9876500001').play([
      ['user', owner('meter display is blank')],
      ['bot', '1. CA 1010xxx01, R***** K****'],
      ['user', owner('1')],
      ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter defective\)/],
    ]);
    expect(await sampark.services.tickets.findByConsumer('101000001')).toHaveLength(2);
    expect(warnings.filter((line) => line['msg'] === 'consumer tickets limited for a connection')).toHaveLength(1);
  });

  it('lets a consumer join their open complaint again and again without using up the limit (English)', async () => {
    const { consumer } = await limitedTo({ TICKET_LIMIT_PER_CONVERSATION: '2/24h' }, 'en-US');
    await consumer.play([
      ['user', 'meter display is blank'],
      ['user', '101000001'],
      ['bot', /Complaint number: SP-\d{4}-\d{4} \(meter defective\)/],
    ]);
    for (let again = 0; again < 3; again += 1) {
      await consumer.play([
        ['user', 'meter display is blank'],
        ['bot', 'already'],
      ]);
    }
    await consumer.play([
      ['user', 'someone called and asked me to pay my bill through a link'],
      ['bot', 'fraud report'],
      ['user', 'yes, please register the complaint'],
      ['bot', /Complaint number: SP-\d{4}-\d{4} \(fraud report\)/],
    ]);
  });
});
