import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { languageOf } from '../../src/bot/turnState';
import { formatMoney } from '../../src/i18n/format';
import { extractEntities } from '../../src/nlu/entities';
import { readHardMoment } from '../../src/nlu/hardMoments';
import { normalizeText } from '../../src/nlu/normalize';
import { AskDialog, type Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { parseYesNo, type Parsed } from '../common/parsers';
import { lookupAdmitted } from '../common/lookupLimited';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';

const ID = 'fraud_report';
const OFFER = `${ID}.offerRecord`;
const MAX_DESCRIPTION = 500;

/**
 * The answer to "shall I record it?": yes, no, a CA number to check the dues first (with a yes or
 * not), or more about the money that went ("4999 kat gaya", "bank band hai"), which is told what to
 * do about it before being asked again.
 */
type OfferReply = { kind: 'record' } | { kind: 'skip' } | { kind: 'check'; caNumber: string; record: boolean } | { kind: 'moneyGone' };

/** Beginnings of words that say money went or ask what to do now. */
const MONEY_GONE = ['kat', 'कट', 'debit', 'deduct', 'nikal', 'निकल', 'bank', 'बैंक', 'account', 'खाता', 'khata', 'lost', 'गए', 'gaya'];

/** "Complaint darj kar dijiye", "please record it", "हाँ report कर दो": asking for the report is a clear yes. */
const RECORD_WORDS = new Set(['complaint', 'shikayat', 'शिकायत', 'report', 'रिपोर्ट', 'record', 'register', 'darj', 'दर्ज', 'fir']);
const DO_WORDS = ['kar', 'कर', 'karo', 'please', 'register', 'record', 'darj', 'दर्ज', 'lijiye', 'लीजिए', 'dijiye', 'दीजिए'];

/** "ok", "theek hai", "👍" acknowledge what was said; they do not ask for a report to be filed. */
const ACKNOWLEDGEMENTS = new Set(['ok', 'okay', 'theek', 'thik', 'ठीक', 'acha', 'accha', 'अच्छा', '👍', 'sahi', 'सही', '1']);

function asksToRecord(text: string): boolean {
  const tokens = normalizeText(text).split(' ');
  return tokens.some((token) => RECORD_WORDS.has(token)) && tokens.some((token) => DO_WORDS.some((word) => token.startsWith(word)));
}

function parseOffer(text: string): Parsed<OfferReply> {
  const caNumber = extractEntities(text).caNumber;
  const record = asksToRecord(text);
  if (caNumber) return { ok: true, value: { kind: 'check', caNumber, record } };
  if (record) return { ok: true, value: { kind: 'record' } };
  if (normalizeText(text).split(' ').some((token) => MONEY_GONE.some((word) => token.startsWith(word)))) {
    return { ok: true, value: { kind: 'moneyGone' } };
  }
  const yesNo = parseYesNo(text);
  const first = text.trim().toLowerCase().split(/\s+/)[0] ?? '';
  if (yesNo.ok && !(yesNo.value && ACKNOWLEDGEMENTS.has(first))) return { ok: true, value: { kind: yesNo.value ? 'record' : 'skip' } };
  return { ok: false, problem: 'fraud.offerRecordAgain' };
}

interface Values {
  description: string;
  caNumber?: string;
}

/**
 * A scam described ("AnyDesk daalne bol raha tha", a bill link on WhatsApp, a "cut tonight" SMS) is
 * named a fraud with what to do, and a door-to-door team asking for cash is told apart from the
 * discom's own teams, who are genuine. Then the offer: record a report (only on a clear yes) and
 * check from the CA number whether anything is really due.
 */
export function fraudReportDialogs(services: DialogServices) {
  const { discomName: discom, helplineNumber: helpline } = services.policy;

  async function tellDues(context: TurnContext, caNumber: string): Promise<void> {
    // A balance by CA number is a look-up like any other: counted, so this is no way around the limit.
    if (!(await lookupAdmitted(services, context, caNumber))) return;
    const t = translate(services, context);
    const status = await services.backend.getMeterStatus(caNumber);
    if (!status) {
      await context.sendActivity(t('fraud.balanceUnknown', { caNumber }));
      return;
    }
    const balance = formatMoney(status.balance, languageOf(context));
    await context.sendActivity(t(status.balance < 0 ? 'fraud.balanceNegative' : 'fraud.balancePositive', { caNumber, balance, discom }));
  }

  async function record(step: WaterfallStepContext<JourneyOptions>) {
    const values = step.values as Values;
    await escalate(services, step.context, {
      category: 'fraud_report',
      consumer: null,
      caNumber: values.caNumber ?? (await services.memory.sessionOf(step.context)).caNumber ?? null,
      description: `Fraud report from a consumer: ${values.description}`,
    });
    return step.endDialog();
  }

  /** Acts on the offer's answer; asks once more after a dues check that did not also say yes. */
  async function settle(step: WaterfallStepContext<JourneyOptions>, mayAskAgain: boolean) {
    const answer = step.result as Answer<OfferReply>;
    if (!answer.answered) return step.endDialog();
    const reply = answer.value;
    if (reply.kind === 'skip') {
      await step.context.sendActivity(translate(services, step.context)('fraud.notRecorded'));
      return step.endDialog();
    }
    if (reply.kind === 'moneyGone') {
      await step.context.sendActivity(translate(services, step.context)('fraud.moneyLost'));
      return mayAskAgain ? step.beginDialog(OFFER, yesNoQuestion('fraud.offerRecord', { discom })) : step.endDialog();
    }
    if (reply.kind === 'check') {
      (step.values as Values).caNumber = reply.caNumber;
      await tellDues(step.context, reply.caNumber);
      if (!reply.record) return mayAskAgain ? step.beginDialog(OFFER, yesNoQuestion('fraud.offerRecord', { discom })) : step.endDialog();
    }
    return record(step);
  }

  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      const t = translate(services, step.context);
      const text = step.context.activity.text ?? '';
      const moment = readHardMoment(text, Boolean(step.options.entities.caNumber));
      (step.values as Values).description = text.trim().slice(0, MAX_DESCRIPTION);
      if (moment?.kind === 'discom_visit') {
        await step.context.sendActivity(t('fraud.visitGenuine', { discom, helpline }));
        return step.endDialog();
      }
      if (moment?.kind === 'scam' && moment.visitAsksMoney) {
        await step.context.sendActivity(t('fraud.visitMoney', { discom, helpline }));
      } else if (moment?.kind === 'scam') {
        await step.context.sendActivity(t('fraud.scam', { discom }));
        await step.context.sendActivity(t('fraud.moneyLost'));
      } else {
        // The model, not the rules, chose this journey: warn without calling unseen words a fraud.
        await step.context.sendActivity(t('fraud.warning', { discom }));
      }
      const caNumber = step.options.entities.caNumber;
      if (caNumber) {
        (step.values as Values).caNumber = caNumber;
        await tellDues(step.context, caNumber);
      }
      return step.beginDialog(OFFER, yesNoQuestion('fraud.offerRecord', { discom }));
    },
    // The offer is asked again after a dues check or a word about lost money, at most twice.
    async (step) => settle(step, true),
    async (step) => settle(step, true),
    async (step) => settle(step, false),
  ]);
  return [flow, new AskDialog(OFFER, services, parseOffer)];
}
