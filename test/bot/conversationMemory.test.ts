import { MATTER_FORGOTTEN_AFTER_HOURS, rememberWhatWasSaid } from '../../src/bot/conversationMemory';
import type { SessionMemory } from '../../src/bot/session';
import type { Recognition } from '../../src/nlu/recognizer';

const MONDAY = new Date('2026-11-30T06:00:00Z');
const hoursLater = (hours: number) => new Date(MONDAY.getTime() + hours * 3_600_000);

function recognition(entities: Recognition['entities'] = {}): Recognition {
  return { intent: 'none', score: 1, ranked: [], entities, script: 'romanized_hindi', urgent: false };
}

describe('rememberWhatWasSaid', () => {
  it('keeps what was said for later turns of the same matter', () => {
    const session: SessionMemory = {};
    rememberWhatWasSaid(session, 'maine recharge kiya, utr 412300000003', recognition({ caNumber: '101000003', paymentReference: '412300000003' }), MONDAY);
    session.lastAnswer = { topic: 'negative_balance', caNumber: '101000003', needed: 12 };
    rememberWhatWasSaid(session, 'kab tak?', recognition(), hoursLater(1));
    expect(session).toMatchObject({ saidPaid: true, paymentReference: '412300000003', caNumbersSaid: ['101000003'] });
    expect(session.lastAnswer).toBeDefined();
  });

  it('forgets the earlier matter after a long silence, keeping the connection and the language', () => {
    const session: SessionMemory = { lastLanguage: 'hi' };
    rememberWhatWasSaid(session, 'maine recharge kiya, meter tez chal raha', recognition({ caNumber: '101000003', paymentReference: '412300000003' }), MONDAY);
    session.lastAnswer = { topic: 'negative_balance', caNumber: '101000003', needed: 12 };
    session.paymentsLookedUp = { '412300000003': 'pending' };
    rememberWhatWasSaid(session, 'kab tak?', recognition(), hoursLater(MATTER_FORGOTTEN_AFTER_HOURS + 1));
    expect(session.lastAnswer).toBeUndefined();
    expect(session.saidPaid).toBeUndefined();
    expect(session.paymentReference).toBeUndefined();
    expect(session.paymentsLookedUp).toBeUndefined();
    expect(session.disputedMeter).toBeUndefined();
    expect(session).toMatchObject({ caNumbersSaid: ['101000003'], lastLanguage: 'hi' });
  });
});
