import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { Memory } from '../../src/bot/session';
import { languageChosenInChat } from '../../src/outreach/knownLanguage';

describe('the language a consumer chose in chat', () => {
  it('is read from the bot user state of their WhatsApp address', async () => {
    const storage = new MemoryStorage();
    const userState = new UserState(storage);
    const memory = new Memory(new ConversationState(storage), userState);
    const context = new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'whatsapp',
      from: { id: '919876500002', name: '' },
      recipient: { id: 'sampark', name: 'Sampark' },
      conversation: { id: 'wa-conversation', isGroup: false, name: '', conversationType: 'personal' },
    });
    (await memory.profileOf(context)).language = 'en';
    await userState.saveChanges(context);

    const known = languageChosenInChat(storage);
    expect(await known('9876500002')).toBe('en');
    expect(await known('9876500001')).toBeNull();
  });
});
