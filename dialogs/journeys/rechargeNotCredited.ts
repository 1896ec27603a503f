import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Consumer, MeterStatus, Payment } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime, formatMoney } from '../../src/i18n/format';
import { AskDialog, type Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { rememberAnswer } from '../common/followUps';
import { saysTakenFromEveryRecharge } from '../../src/understanding/payment';
import { parsePaymentReferenceAnswer } from '../common/parsers';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'recharge_not_credited';
const ASK_REFERENCE = `${ID}.askReference`;
const MINUTE = 60_000;

interface Values {
  consumer: Consumer;
  /** The message that started the journey. */
  said: string;
}

/**
 * "Paid but balance not updated": CA number, payment reference, backend lookup, then explain
 * (pending: when to expect it; credited: say so) or raise a payment ticket (missing or stuck).
 */
export function rechargeNotCreditedDialogs(services: DialogServices) {
  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      (step.values as Values).said = step.context.activity.text ?? '';
      return step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber });
    },
    async (step) => {
      const consumer = step.result as Consumer | null;
      if (!consumer) return step.endDialog();
      const values = step.values as Values;
      values.consumer = consumer;
      // Typed with the request, or earlier in the conversation (with the CA number, say) and not yet
      // looked up: a reference already explained belongs to that payment, not to this complaint.
      const session = await services.memory.sessionOf(step.context);
      const remembered = session.paymentReference && !(session.paymentReference in (session.paymentsLookedUp ?? {})) ? session.paymentReference : undefined;
      const reference = step.options.entities.paymentReference ?? remembered;
      if (reference) return step.next({ answered: true, value: reference } satisfies Answer<string>);
      const status = await services.backend.getMeterStatus(consumer.caNumber);
      if (status && !status.communicating) return meterOutOfTouch(step, consumer, status.lastCommunicationAt);
      if (status && (await explainedAsArrears(step, status, values.said, session.amount))) return step.endDialog();
      return step.beginDialog(ASK_REFERENCE, { key: 'recharge.askReference' });
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog();
      const { consumer } = step.values as Values;
      const payment = await services.backend.findPayment(consumer.caNumber, answer.value);
      const session = await services.memory.sessionOf(step.context);
      session.paymentReference = answer.value;
      session.paymentsLookedUp = { ...session.paymentsLookedUp, [answer.value]: payment?.status ?? 'not_found' };
      await explain(step, consumer, answer.value, payment);
      return step.endDialog();
    },
  ]);

  /**
   * "Har recharge me 435 kat jata hai" is no lost payment: the instalment of old dues taken from each
   * recharge. Explained from the meter's record instead of a payment hunt; true when it was.
   */
  async function explainedAsArrears(step: WaterfallStepContext, status: MeterStatus, said: string, amount: number | undefined): Promise<boolean> {
    const arrears = status.arrears;
    if (!arrears) return false;
    const matchesInstalment = amount !== undefined && Math.abs(amount - arrears.instalment) < 1;
    if (!matchesInstalment && !saysTakenFromEveryRecharge(said)) return false;
    const language = languageOf(step.context);
    await step.context.sendActivity(
      translate(services, step.context)('billing.arrears', {
        outstanding: formatMoney(arrears.outstanding, language),
        instalment: formatMoney(arrears.instalment, language),
      }),
    );
    return true;
  }

  /**
   * A meter the head-end has not heard from cannot receive any recharge: the payment is safe, and the
   * fault is the meter's, for a field team; no payment hunt.
   */
  async function meterOutOfTouch(step: WaterfallStepContext, consumer: Consumer, lastCommunicationAt: string) {
    const language = languageOf(step.context);
    await step.context.sendActivity(
      translate(services, step.context)('supply.notCommunicating', { lastCommunicationAt: formatDateTime(lastCommunicationAt, language) }),
    );
    await escalate(services, step.context, {
      category: 'meter_not_communicating',
      consumer,
      description: `Recharge not reaching the meter; meter silent since ${formatDateTime(lastCommunicationAt, 'en')} IST.`,
    });
    return step.endDialog();
  }

  async function explain(step: WaterfallStepContext, consumer: Consumer, reference: string, payment: Payment | null) {
    const t = translate(services, step.context);
    const language = languageOf(step.context);
    if (!payment) {
      await step.context.sendActivity(t('recharge.notFound', { reference }));
      await escalate(services, step.context, {
        category: 'payment_not_credited',
        consumer,
        description: `Consumer reports a payment with reference ${reference} that the backend cannot find.`,
      });
      return;
    }
    const facts = {
      amount: formatMoney(payment.amount, language),
      paidAt: formatDateTime(payment.paidAt, language),
      reference,
    };
    if (payment.status === 'credited') {
      const status = await services.backend.getMeterStatus(consumer.caNumber);
      await step.context.sendActivity(
        t('recharge.credited', {
          ...facts,
          creditedAt: formatDateTime(payment.creditedAt ?? payment.paidAt, language),
          balance: status ? formatMoney(status.balance, language) : '—',
        }),
      );
      if (status && status.relay === 'disconnected') await step.context.sendActivity(t('recharge.creditedButSupplyOff'));
      return;
    }
    if (payment.status === 'failed') {
      await step.context.sendActivity(t('recharge.failed', facts));
      return;
    }
    const paidAt = new Date(payment.paidAt).getTime();
    const stuckAt = paidAt + services.policy.paymentStuckHours * 60 * MINUTE;
    const expectedBy = paidAt + services.policy.paymentPendingWaitMinutes * MINUTE;
    const now = services.now().getTime();
    if (now >= stuckAt) {
      await step.context.sendActivity(t('recharge.stuck', facts));
      await escalate(services, step.context, {
        category: 'payment_not_credited',
        consumer,
        description: `Payment ${reference} of Rs ${payment.amount} pending since ${formatDateTime(payment.paidAt, 'en')} IST, past the ${services.policy.paymentStuckHours} h threshold.`,
      });
      return;
    }
    await rememberAnswer(services, step.context, {
      topic: 'payment_pending',
      caNumber: consumer.caNumber,
      amount: payment.amount,
      expectedBy: new Date(Math.max(expectedBy, now)).toISOString(),
      stuckAt: new Date(stuckAt).toISOString(),
    });
    const key = now < expectedBy ? 'recharge.pending' : 'recharge.pendingLate';
    await step.context.sendActivity(
      t(key, {
        ...facts,
        expectedBy: formatDateTime(new Date(expectedBy), language),
        stuckAt: formatDateTime(new Date(stuckAt), language),
      }),
    );
  }

  return [flow, new AskDialog(ASK_REFERENCE, services, parsePaymentReferenceAnswer)];
}
