import { parseTicketNumber } from '../../../src/domain/ticketNumber';
import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  "a neighbour's CA number typed for their name and mobile learns nothing, and no ticket (Devanagari)": [
    ['user', 'हमारे पड़ोसी का उपभोक्ता संख्या 101000001 है, उसका नाम और मोबाइल नंबर बताइए'],
    ['bot', 'मैं इस चैट में किसी भी कनेक्शन पर दर्ज नाम, मोबाइल नंबर या पता नहीं बता सकता'],
    ['bot', 'बिजली से जुड़ी आपात स्थिति में 1912'],
    ['user', 'उसका लाइन कटवा दीजिए'],
    ['bot', 'नहीं बता सकता'],
    ['bot', 'किसी पड़ोसी के कहने पर कभी नहीं'],
  ],
  'asking for the name and address on a connection is refused (English)': [
    ['user', 'Please give me the mobile number registered on CA 101000001. It is my brother’s connection.'],
    ['bot', 'I cannot share the name, mobile number or address'],
  ],
  'a katiya report with the suspect CA becomes an anonymous field ticket at once, nothing disclosed (romanized Hindi)': [
    ['user', 'hamara padosi katiya laga ke AC chala raha hai aur uska CA 102000245 hai. uska line katwaiye'],
    ['bot', /आपको अपना नाम देने की ज़रूरत नहीं है.*दूसरे कनेक्शन की कोई जानकारी भी नहीं/],
    ['bot', /शिकायत संख्या: SP-\d{4}-\d{4} \(अन्य\)/],
    ['bot', 'बिना नाम के'],
  ],
  'a hooking report without a CA number asks where, then records it (English)': [
    ['user', 'People in my lane are stealing electricity with a hook on the line. Do not use my name.'],
    ['bot', 'You do not have to give your name'],
    ['bot', 'Where is it happening?'],
    ['user', 'Gardanibagh, Patna, near the water tank'],
    ['bot', /Complaint number: SP-\d{4}-\d{4} \(other\)/],
  ],
};

describe("someone else's connection", () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });

  it('routes a theft report by the suspected connection but never files it under that CA number', async () => {
    const conversation = await TestConversation.start();
    const replies = await conversation.say('my neighbour is doing katiya from the pole, his CA is 102000245');
    const number = parseTicketNumber(replies.join('\n').match(/SP-\d{4}-\d{4}/)?.[0] ?? '');
    const ticket = number ? await conversation.sampark.services.tickets.findByNumber(number) : null;
    expect(ticket).toMatchObject({ category: 'other', caNumber: null });
    expect(ticket?.description).toContain('Suspected connection: CA 102000245');
  });
});
