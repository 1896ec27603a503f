import { TestConversation, type TranscriptLine } from '../../support/conversation';

const transcripts: Record<string, TranscriptLine[]> = {
  'asking for a person queues once (romanized Hindi)': [
    ['user', 'insaan se baat karao'],
    ['bot', 'कतार में आपका नंबर 1'],
    ['user', 'agent se baat karni hai'],
    ['bot', 'अभी भी एजेंट की प्रतीक्षा में'],
  ],
  'cancelling after asking for an agent withdraws the request (romanized Hindi)': [
    ['user', 'agent se baat karao'],
    ['bot', 'कतार में आपका नंबर 1'],
    ['user', 'rehne do'],
    ['bot', 'अनुरोध वापस ले लिया'],
  ],
  'asking for an agent in the middle of a journey (English)': [
    ['user', 'check my balance'],
    ['bot', 'consumer number'],
    ['user', 'I want to talk to a human agent'],
    ['bot', 'number 1 in the queue'],
  ],
};

describe('talk to an agent', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, lines) => {
    await (await TestConversation.start()).play(lines);
  });

  it('puts the conversation in the handoff queue with what the bot knows', async () => {
    const conversation = await TestConversation.start();
    await conversation.play([
      ['user', 'balance 101000001'],
      ['user', 'talk to agent'],
    ]);
    const handoff = conversation.sampark.services.handoff;
    expect(await handoff.positionOf('Convo1')).toBe(1);
  });
});
