import type { Recognition } from '../nlu/recognizer';
import { disputesTheMeter } from '../understanding/dispute';
import { saysRegisteredNumberGone } from '../understanding/lostNumber';
import { saysPaid } from '../understanding/payment';
import type { SessionMemory } from './session';

/**
 * After this long without a message, what was said belongs to an earlier matter: a "kab tak?" the
 * next week is not about last week's reconnect, and last week's "maine pay kiya" is no reason to
 * hold back advice today. The connection, the language and the history for agents stay.
 */
export const MATTER_FORGOTTEN_AFTER_HOURS = 12;
const HOUR = 3_600_000;

/** CA numbers kept: a consumer rarely names more than their own, a second connection and a relative's. */
const CA_NUMBERS_KEPT = 5;

/**
 * Remembers, from every message, what any journey may need later, so nothing said is asked again:
 * CA numbers, a payment reference, an amount, a health need, whether the consumer says they have
 * already paid (then no journey advises paying before that payment is looked up), whether they
 * doubt the meter (then a meter test is offered) and whether the registered SIM is gone (then the
 * mobile change asks the second proof at once).
 */
export function rememberWhatWasSaid(session: SessionMemory, text: string, recognition: Recognition | null, now: Date): void {
  forgetAnEarlierMatter(session, now);
  session.lastMessageAt = now.toISOString();
  if (recognition?.urgent) session.urgent = true;
  const entities = recognition?.entities ?? {};
  if (entities.caNumber) {
    const earlier = (session.caNumbersSaid ?? []).filter((ca) => ca !== entities.caNumber);
    session.caNumbersSaid = [...earlier, entities.caNumber].slice(-CA_NUMBERS_KEPT);
  }
  if (entities.paymentReference) session.paymentReference = entities.paymentReference;
  if (entities.amount !== undefined) session.amount = entities.amount;
  if (saysPaid(text)) session.saidPaid = true;
  if (disputesTheMeter(text)) session.disputedMeter = true;
  if (saysRegisteredNumberGone(text)) session.registeredNumberGone = true;
}

/** Clears what belongs to the matter of an earlier day (see MATTER_FORGOTTEN_AFTER_HOURS). */
function forgetAnEarlierMatter(session: SessionMemory, now: Date): void {
  const last = session.lastMessageAt ? Date.parse(session.lastMessageAt) : NaN;
  if (!(now.getTime() - last > MATTER_FORGOTTEN_AFTER_HOURS * HOUR)) return;
  delete session.lastAnswer;
  delete session.saidPaid;
  delete session.paymentReference;
  delete session.amount;
  delete session.paymentsLookedUp;
  delete session.pendingRequests;
  delete session.disputedMeter;
  delete session.registeredNumberGone;
  delete session.feelingsAcknowledged;
  delete session.fallbacksInARow;
}
