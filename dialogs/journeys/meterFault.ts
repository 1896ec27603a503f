import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { AskDialog, type Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { parseChoice } from '../common/parsers';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'meter_fault';
const ASK_KIND = `${ID}.askKind`;

const FAULT_KINDS = ['display_blank', 'burnt', 'not_reaching', 'other'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

interface Values {
  consumer: Consumer;
}

/** "Display band hai", "meter jal gaya": what is wrong, a safety line when it burnt, then a field ticket. */
export function meterFaultDialogs(services: DialogServices) {
  const titlesOf = (kind: FaultKind) =>
    (['hi', 'en'] as const).map((language) => services.translator.forLanguage(language)(`fault.kind.${kind}`));
  const askKind = new AskDialog<FaultKind>(ASK_KIND, services, (text) =>
    parseChoice(text, FAULT_KINDS.map((kind) => ({ id: kind, titles: titlesOf(kind) }))),
  );

  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => step.beginDialog(DialogIds.consumer, { caNumber: step.options.entities.caNumber }),
    async (step) => {
      const consumer = step.result as Consumer | null;
      if (!consumer) return step.endDialog();
      (step.values as Values).consumer = consumer;
      return step.beginDialog(ASK_KIND, { key: 'fault.askKind', choiceKeys: FAULT_KINDS.map((kind) => `fault.kind.${kind}`) });
    },
    async (step) => {
      const answer = step.result as Answer<FaultKind>;
      if (!answer.answered) return step.endDialog();
      const { consumer } = step.values as Values;
      const t = translate(services, step.context);
      if (answer.value === 'burnt') {
        await step.context.sendActivity(t('fault.burntSafety', { helpline: services.policy.helplineNumber }));
        const session = await services.memory.sessionOf(step.context);
        session.urgent = true;
      }
      const status = await services.backend.getMeterStatus(consumer.caNumber);
      const silent = status !== null && !status.communicating;
      await escalate(services, step.context, {
        category: silent || answer.value === 'not_reaching' ? 'meter_not_communicating' : 'meter_defective',
        consumer,
        description: `Meter fault reported: ${answer.value}${silent ? '; head-end shows the meter not communicating' : ''}.`,
      });
      return step.endDialog();
    },
  ]);

  return [askKind, flow];
}
