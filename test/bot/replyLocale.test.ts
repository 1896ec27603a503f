import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { createSampark } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/log/logger';
import { TEST_NOW } from '../support/conversation';

/** The bot's replies to each message, as the channel receives them (locale included). */
async function consumer() {
  const sampark = await createSampark(loadConfig({}), silentLogger(), { now: () => TEST_NOW });
  const adapter = new TestAdapter((context) => sampark.bot.run(context));
  return async (text: string): Promise<Partial<Activity>[]> => {
    await adapter.receiveActivity({ type: ActivityTypes.Message, text, locale: 'hi-IN' });
    return adapter.activeQueue.splice(0).filter((reply) => reply.type === ActivityTypes.Message);
  };
}

describe('the language of each reply, for channels that follow it', () => {
  it('labels every reply with the locale it is written in, from the turn the consumer switches on', async () => {
    const say = await consumer();
    const greeting = await say('नमस्ते');
    expect(greeting.map((reply) => reply.locale)).toEqual(['hi-IN']);

    // The web chat's language control says just the language's name.
    const english = await say('English');
    expect(english.length).toBeGreaterThan(0);
    expect(english.map((reply) => reply.locale)).toEqual(english.map(() => 'en-IN'));
    expect(english[0]!.text).toContain('in English');

    const hindi = await say('हिंदी');
    expect(hindi.map((reply) => reply.locale)).toEqual(hindi.map(() => 'hi-IN'));
  });
});
