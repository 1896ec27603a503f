import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { createSampark, type Ports, type Sampark } from '../../src/app';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { apologize } from '../../src/bot/apology';
import { continuationContext } from '../../src/channels/continuation';
import { conversationKey } from '../../src/conversations/conversationReferenceStore';
import type { ProactiveChannel } from '../../src/notify/channelNotifier';
import { loadConfig } from '../../src/config/config';
import { setVerifiedMobile } from '../../src/conversations/verifiedSender';
import type { MobileNumber } from '../../src/domain/mobileNumber';
import { silentLogger } from '../../src/log/logger';

/** The clock of every conversation test: 11:30 IST on 28 November 2026. */
export const TEST_NOW = new Date('2026-11-28T06:00:00.000Z');

/** The OTP the test simulator "sends". */
export const TEST_OTP = '123456';

/** One line of a transcript: what the consumer says, or a fragment (or pattern) of what the bot answers. */
export type TranscriptLine = readonly ['user', string | Partial<Activity>] | readonly ['bot', string | RegExp];

/** A reply as the consumer sees it: the text, then any buttons as "[A | B]". */
function rendered(activity: Partial<Activity>): string {
  const buttons = activity.suggestedActions?.actions.map((action) => action.title) ?? [];
  return buttons.length > 0 ? `${activity.text ?? ''} [${buttons.join(' | ')}]` : (activity.text ?? '');
}

/** One consumer talking to a fresh Sampark on the embedded defaults, with a fixed clock. */
export class TestConversation {
  private constructor(
    readonly sampark: Sampark,
    private readonly adapter: TestAdapter,
    private readonly locale: string,
  ) {}

  static async start(overrides: Partial<Ports> = {}, locale = 'hi-IN', env: Record<string, string> = {}): Promise<TestConversation> {
    const now = () => TEST_NOW;
    const sampark = await createSampark(loadConfig(env), silentLogger(), {
      now,
      backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
      ...overrides,
    });
    return TestConversation.over(sampark, locale);
  }

  /**
   * A consumer talking to a Sampark the test built itself; with `verifiedMobile`, writing from that
   * number as a channel that verifies senders vouches for it (the WhatsApp adapter, for a signed webhook).
   */
  static over(sampark: Sampark, locale = 'hi-IN', verifiedMobile?: string): TestConversation {
    const adapter = new TestAdapter((context) => sampark.bot.run(context));
    if (verifiedMobile) {
      adapter.use(async (context, next) => {
        setVerifiedMobile(context, verifiedMobile as MobileNumber);
        await next();
      });
    }
    // As on every channel: a failed turn gets the apology instead of crashing the conversation.
    adapter.onTurnError = (context) => apologize(context, sampark.translator);
    return new TestConversation(sampark, adapter, locale);
  }

  /** How a notifier reaches this conversation, as a channel would register it. */
  proactiveChannel(): ProactiveChannel {
    return {
      reference: async (channelId, conversationId) =>
        (await this.sampark.services.conversations.find(conversationKey(channelId, conversationId)))?.reference ?? null,
      // TestAdapter has no continueConversation: a context on the stored reference sends the same way.
      deliver: async (reference, message) => {
        await continuationContext(this.adapter, reference, this.sampark.services.now()).sendActivity(message);
      },
    };
  }

  /** Messages the bot sent on its own since the last turn (proactive notices). */
  received(): string[] {
    return this.adapter.activeQueue.splice(0).filter((reply) => reply.type === ActivityTypes.Message).map(rendered);
  }

  /** Sends one message and returns the replies of that turn. */
  async say(message: string | Partial<Activity>): Promise<string[]> {
    const content = typeof message === 'string' ? { type: ActivityTypes.Message, text: message } : message;
    const activity = { locale: this.locale, ...content };
    await this.adapter.receiveActivity(activity);
    const replies = this.adapter.activeQueue.splice(0).filter((reply) => reply.type === ActivityTypes.Message);
    return replies.map(rendered);
  }

  /**
   * Plays a transcript: after each user line, the bot lines that follow must appear in that turn's
   * replies, in order (several lines may come from one message).
   */
  async play(lines: readonly TranscriptLine[]): Promise<void> {
    let said = '';
    let cursor = 0;
    let lastUser: unknown = '(start)';
    for (const [who, content] of lines) {
      if (who === 'user') {
        said = (await this.say(content)).map((reply) => `• ${reply}`).join('\n');
        cursor = 0;
        lastUser = content;
        continue;
      }
      const found = find(said, content, cursor);
      if (found < 0) {
        throw new Error(
          `after the user said ${JSON.stringify(lastUser)} the bot should say ${String(content)}\n` +
            `but from there it said:\n${said.slice(cursor) || '(nothing)'}`,
        );
      }
      cursor = found;
    }
  }
}

/** Where the expected text ends in `said`, searching from `from`; -1 when it is not there. */
function find(said: string, expected: string | RegExp, from: number): number {
  const rest = said.slice(from);
  if (typeof expected === 'string') {
    const at = rest.indexOf(expected);
    return at < 0 ? -1 : from + at + expected.length;
  }
  const match = expected.exec(rest);
  return match ? from + match.index + match[0].length : -1;
}
