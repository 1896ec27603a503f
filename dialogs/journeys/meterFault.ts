import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf } from '../../src/bot/turnState';
import { formatDateTime } from '../../src/i18n/format';
import type { Consumer } from '../../src/backend/meterBackend';
import { AskDialog, type Answer } from '../common/askDialog';
import { readHardMoment } from '../../src/nlu/hardMoments';
import { asksForMeterTest } from '../../src/understanding/dispute';
import { escalate } from '../common/escalation';
import { parseChoice, simplify, type Parsed } from '../common/parsers';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'meter_fault';
const ASK_KIND = `${ID}.askKind`;

const FAULT_KINDS = ['display_blank', 'burnt', 'not_reaching', 'other'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Words that name a fault in the consumer's own message, in the three ways people write. Burning is
 * read by the hard-moment rules, whole words only ("jaldi" is not "jal", "aage" is not "aag").
 */
const FAULT_WORDS: Array<[Exclude<FaultKind, 'other' | 'burnt'>, RegExp]> = [
  ['display_blank', /display|screen|blank|dikh|डिस्प्ले|स्क्रीन|दिख/],
  ['not_reaching', /recharge|richarge|pahunch|reach|रिचार्ज|पहुँच|पहुंच/],
];

/** The fault a message describes, if it names one. */
function faultNamedIn(text: string): FaultKind | null {
  const moment = readHardMoment(text);
  if (moment?.kind === 'danger' && moment.hazard !== 'tampering') return 'burnt';
  const words = simplify(text);
  return FAULT_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? null;
}

/** Someone about to cut or bypass the meter's wires: a warning first and an urgent ticket, whatever the fault. */
function tamperingIn(text: string): boolean {
  const moment = readHardMoment(text);
  return moment?.kind === 'danger' && moment.hazard === 'tampering';
}

interface Values {
  consumer: Consumer;
  kind: FaultKind | null;
  tampering: boolean;
  /** "Meter ki jaanch karwa dijiye": the consumer asks for a meter test, not a repair. */
  wantsTest: boolean;
}

/**
 * "Display band hai", "meter jal gaya": a burning meter gets the safety line before anything else;
 * then the consumer, what is wrong (unless the message said it), and a field ticket. "Meter ki jaanch
 * karwa dijiye" asks for a meter test in so many words: that ticket is opened, no fault asked.
 */
export function meterFaultDialogs(services: DialogServices) {
  const titlesOf = (kind: FaultKind) =>
    (['hi', 'en'] as const).map((language) => services.translator.forLanguage(language)(`fault.kind.${kind}`));
  const options = FAULT_KINDS.map((kind) => ({ id: kind, titles: titlesOf(kind) }));
  const askKind = new AskDialog<FaultKind>(ASK_KIND, services, (text): Parsed<FaultKind> => {
    const picked = parseChoice(text, options);
    if (picked.ok) return picked;
    const named = faultNamedIn(text);
    return named ? { ok: true, value: named } : picked;
  });

  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      const text = step.context.activity.text ?? '';
      const kind = faultNamedIn(text);
      const tampering = tamperingIn(text);
      const wantsTest = kind === null && !tampering && asksForMeterTest(text);
      Object.assign(step.values as Values, { kind, tampering, wantsTest });
      if (kind === 'burnt' || tampering) {
        await step.context.sendActivity(
          translate(services, step.context)(tampering ? 'fault.tamperingSafety' : 'fault.burntSafety', {
            helpline: services.policy.helplineNumber,
          }),
        );
      }
      return step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber });
    },
    async (step) => {
      const consumer = step.result as Consumer | null;
      if (!consumer) return step.endDialog();
      const values = step.values as Values;
      values.consumer = consumer;
      if (values.wantsTest) {
        await escalate(services, step.context, {
          category: 'meter_test',
          consumer,
          description: 'Consumer asks for a meter test (check meter).',
        });
        return step.endDialog();
      }
      if (values.kind) return step.next({ answered: true, value: values.kind } satisfies Answer<FaultKind>);
      // A meter the head-end has not heard from is the fault, whatever the consumer saw: no need to ask.
      const status = await services.backend.getMeterStatus(consumer.caNumber);
      if (status && !status.communicating) {
        const language = languageOf(step.context);
        await step.context.sendActivity(
          translate(services, step.context)('supply.notCommunicating', { lastCommunicationAt: formatDateTime(status.lastCommunicationAt, language) }),
        );
        return step.next({ answered: true, value: 'not_reaching' } satisfies Answer<FaultKind>);
      }
      return step.beginDialog(ASK_KIND, { key: 'fault.askKind', choiceKeys: FAULT_KINDS.map((kind) => `fault.kind.${kind}`) });
    },
    async (step) => {
      const answer = step.result as Answer<FaultKind>;
      if (!answer.answered) return step.endDialog();
      const values = step.values as Values;
      const burnt = answer.value === 'burnt';
      if (burnt && values.kind !== 'burnt') {
        await step.context.sendActivity(
          translate(services, step.context)('fault.burntSafety', { helpline: services.policy.helplineNumber }),
        );
      }
      const status = await services.backend.getMeterStatus(values.consumer.caNumber);
      const silent = status !== null && !status.communicating;
      await escalate(services, step.context, {
        category: silent || answer.value === 'not_reaching' ? 'meter_not_communicating' : 'meter_defective',
        consumer: values.consumer,
        description: `Meter fault reported: ${answer.value}${silent ? '; head-end shows the meter not communicating' : ''}.`,
        safety: burnt || values.tampering,
      });
      return step.endDialog();
    },
  ]);

  return [askKind, flow];
}
