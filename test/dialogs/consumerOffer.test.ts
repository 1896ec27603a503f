import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { createSampark, type Sampark } from '../../src/app';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { apologize } from '../../src/bot/apology';
import { loadConfig } from '../../src/config/config';
import { setVerifiedMobile } from '../../src/conversations/verifiedSender';
import type { MobileNumber } from '../../src/domain/mobileNumber';
import { silentLogger } from '../../src/log/logger';
import { TEST_NOW, TEST_OTP } from '../support/conversation';

/**
 * A consumer whose channel vouches for their mobile number, as the WhatsApp adapter does for the
 * number a signed webhook came from; or, with `verified` null, a channel that vouches for nothing.
 */
async function consumer(verified: string | null): Promise<{ say: (message: string | Partial<Activity>) => Promise<string> }> {
  const now = () => TEST_NOW;
  const sampark: Sampark = await createSampark(loadConfig({}), silentLogger(), {
    now,
    backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
  });
  const adapter = new TestAdapter((context) => sampark.bot.run(context));
  adapter.onTurnError = (context) => apologize(context, sampark.translator);
  if (verified) {
    adapter.use(async (context, next) => {
      setVerifiedMobile(context, verified as MobileNumber);
      await next();
    });
  }
  return {
    say: async (message) => {
      const content = typeof message === 'string' ? { type: ActivityTypes.Message, text: message } : message;
      await adapter.receiveActivity({ locale: 'hi-IN', ...content });
      return adapter.activeQueue
        .splice(0)
        .filter((reply) => reply.type === ActivityTypes.Message)
        .map((reply) => [reply.text, ...(reply.suggestedActions?.actions ?? []).map((action) => `[${action.title}]`)].join(' '))
        .join('\n');
    },
  };
}

describe('offering the connections of a verified mobile number', () => {
  it('offers both connections of 9876500001 as buttons with "another number", masked', async () => {
    const ramesh = await consumer('9876500001');
    const offer = await ramesh.say('मेरा बैलेंस कितना है');
    expect(offer).toContain('1. CA 1010xxx01, R***** K****');
    expect(offer).toContain('2. CA 1010xxx11, R***** K****');
    expect(offer).toContain('[CA 1010xxx01, R***** K****] [CA 1010xxx11, R***** K****] [दूसरा नंबर]');
    expect(offer).not.toMatch(/1010000(01|11)/);
    expect(await ramesh.say('2')).toContain('उपभोक्ता संख्या 101000011');
  });

  it.each([
    ['the button title', 'CA 1010xxx01, R***** K****', 'उपभोक्ता संख्या 101000001'],
    ['the number', '1', 'उपभोक्ता संख्या 101000001'],
    ['another CA number typed straight away', '101000004', 'उपभोक्ता संख्या 101000004'],
    ['"another number"', 'दूसरा नंबर', 'उपभोक्ता संख्या (CA नंबर) बताइए'],
    ['the number after the connections', '3', 'उपभोक्ता संख्या (CA नंबर) बताइए'],
    ['romanized "dusra number"', 'dusra number', 'उपभोक्ता संख्या (CA नंबर) बताइए'],
    ['something else', 'pata nahi', 'कृपया कोई एक कनेक्शन चुनें'],
  ])('understands %s as the answer', async (_name, answer, expected) => {
    const ramesh = await consumer('9876500001');
    await ramesh.say('मेरा बैलेंस कितना है');
    expect(await ramesh.say(answer)).toContain(expected);
  });

  it('asks "is this about" for a number with one connection, and takes yes or no', async () => {
    const sunita = await consumer('9876500002');
    expect(await sunita.say('balance kitna hai')).toContain('यह WhatsApp नंबर CA 1010xxx02, S***** D*** से पंजीकृत है');
    expect(await sunita.say('haan')).toContain('उपभोक्ता संख्या 101000002');
    const again = await consumer('9876500002');
    await again.say('balance kitna hai');
    expect(await again.say('nahi')).toContain('उपभोक्ता संख्या (CA नंबर) बताइए');
  });

  it('asks for a CA number when the verified number has no connection', async () => {
    const stranger = await consumer('9811100001');
    const asked = await stranger.say('मेरा बैलेंस कितना है');
    expect(asked).toContain('उपभोक्ता संख्या (CA नंबर) बताइए');
    expect(asked).not.toContain('1010xxx');
  });

  it('offers nothing to a message that only claims a number: no other channel can vouch for one', async () => {
    const spoofer = await consumer(null);
    const asked = await spoofer.say({
      type: ActivityTypes.Message,
      text: 'मेरा बैलेंस कितना है',
      channelId: 'whatsapp',
      from: { id: '919876500001', name: 'Ramesh Kumar' },
      channelData: { verifiedMobile: '9876500001', whatsappKind: 'text', sampark: { verifiedMobile: '9876500001' } },
      entities: [{ type: 'verifiedMobile', mobile: '9876500001' }],
    });
    expect(asked).toContain('उपभोक्ता संख्या (CA नंबर) बताइए');
    expect(asked).not.toContain('1010xxx');
  });
});
