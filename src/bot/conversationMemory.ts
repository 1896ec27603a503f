import type { Recognition } from '../nlu/recognizer';
import { disputesTheMeter } from '../understanding/dispute';
import { saysRegisteredNumberGone } from '../understanding/lostNumber';
import { saysPaid } from '../understanding/payment';
import type { SessionMemory } from './session';

/** CA numbers kept: a consumer rarely names more than their own, a second connection and a relative's. */
const CA_NUMBERS_KEPT = 5;

/**
 * Remembers, from every message, what any journey may need later, so nothing said is asked again:
 * CA numbers, a payment reference, an amount, a health need, whether the consumer says they have
 * already paid (then no journey advises paying before that payment is looked up), whether they
 * doubt the meter (then a meter test is offered) and whether the registered SIM is gone (then the
 * mobile change asks the second proof at once).
 */
export function rememberWhatWasSaid(session: SessionMemory, text: string, recognition: Recognition | null): void {
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
