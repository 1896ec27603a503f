import type { TurnContext } from 'botbuilder';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime, formatMoney } from '../../src/i18n/format';
import type { ServiceTopic } from '../../src/nlu/hardMoments';
import type { FollowUp } from '../../src/understanding/followUp';
import type { LastAnswer } from '../../src/understanding/lastAnswer';
import type { DialogServices } from '../services';
import { translate } from './replies';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Keeps the bot's answer for the follow-up questions it invites ("kab tak?", "agar nahi aayi to?"). */
export async function rememberAnswer(services: DialogServices, context: TurnContext, answer: LastAnswer): Promise<void> {
  (await services.memory.sessionOf(context)).lastAnswer = answer;
}

/**
 * Answers a question about the bot's last answer from that answer, as a 1912 agent would: how long,
 * what if it does not happen, will it be cut tonight, can I pay with this app. False when the
 * question needs an answer the bot has not given (a "kab tak" with nothing before it): the caller
 * routes the message as a new request.
 */
export async function answerFollowUp(services: DialogServices, context: TurnContext, followUp: FollowUp): Promise<boolean> {
  const t = translate(services, context);
  const language = languageOf(context);
  const { policy } = services;
  const last = (await services.memory.sessionOf(context)).lastAnswer;
  const say = async (key: string, params: Record<string, unknown> = {}) => {
    await context.sendActivity(t(key, { helpline: policy.helplineNumber, ...params }));
    return true;
  };

  switch (followUp) {
    case 'cut_tonight':
      return say('followUp.cutTonight', { friendlyHours: policy.friendlyHours.replace('-', '–'), graceHours: policy.gracePeriodHours });
    case 'payment_channel':
      return say('followUp.paymentChannel', { minimum: formatMoney(policy.minRechargeAmount, language), discom: policy.discomName });
    case 'how_much':
      if (last?.topic !== 'negative_balance') return false;
      return say('followUp.balanceHowMuch', { needed: formatMoney(last.needed, language), minimum: formatMoney(policy.minRechargeAmount, language) });
    case 'pay_again':
      // Only a payment still on its way makes paying again a loss; otherwise the question is a new request.
      if (last?.topic !== 'payment_pending') return false;
      return say('followUp.paymentWhen', { amount: formatMoney(last.amount, language), expectedBy: formatDateTime(last.expectedBy, language) });
    case 'when':
    case 'if_not':
      if (!last) return false;
  }

  switch (last.topic) {
    case 'reconnect_sent': {
      const until = formatDateTime(new Date(Date.parse(last.sentAt) + last.minutes * MINUTE), language);
      return say(followUp === 'when' ? 'followUp.reconnectWhen' : 'followUp.reconnectIfNot', { until, minutes: last.minutes });
    }
    case 'payment_pending':
      return say(followUp === 'when' ? 'followUp.paymentWhen' : 'followUp.paymentIfNot', {
        amount: formatMoney(last.amount, language),
        expectedBy: formatDateTime(last.expectedBy, language),
        stuckAt: formatDateTime(last.stuckAt, language),
      });
    case 'ticket_opened':
      return say(followUp === 'when' ? 'followUp.ticketWhen' : 'followUp.ticketIfNot', {
        number: last.number,
        dueAt: formatDateTime(last.dueAt, language),
        // "Kitna din lagega?" wants a span as well as a date.
        count: Math.max(1, Math.ceil((Date.parse(last.dueAt) - services.now().getTime()) / HOUR)),
      });
    case 'negative_balance':
      return say(followUp === 'when' ? 'followUp.balanceWhen' : 'followUp.balanceIfNot', {
        needed: formatMoney(last.needed, language),
        minutes: policy.reconnectWaitMinutes,
      });
    case 'service':
      return answerAboutService(services, context, last.service);
  }
}

/**
 * A question after the bot said where an office service is done ("kya kya kagaz lagega?", "can it
 * be done online?"): the answer already holds where, the documents and who confirms the time, so it
 * is given again, introduced as such, rather than a menu or a CA number question.
 */
export async function answerAboutService(services: DialogServices, context: TurnContext, service: ServiceTopic): Promise<true> {
  const t = translate(services, context);
  const { discomName: discom, helplineNumber: helpline } = services.policy;
  await context.sendActivity(`${t('service.again')}\n\n${t(`service.${service}`, { discom, helpline })}`);
  return true;
}
