import { WaterfallDialog } from 'botbuilder-dialogs';
import { AskDialog, type Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import type { Parsed } from '../common/parsers';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';

const ID = 'fraud_report';
const ASK_DETAILS = `${ID}.askDetails`;
const MAX_DETAILS = 500;

function parseDetails(text: string): Parsed<string> {
  const details = text.trim();
  return details.length > 0 ? { ok: true, value: details.slice(0, MAX_DETAILS) } : { ok: false, problem: 'fraud.askDetails' };
}

/**
 * "Someone called asking to pay through a link": the safety warning first, then what happened,
 * recorded as a report for the discom's vigilance team.
 */
export function fraudReportDialogs(services: DialogServices) {
  const flow = new WaterfallDialog(ID, [
    async (step) => {
      const t = translate(services, step.context);
      await step.context.sendActivity(t('fraud.warning', { discom: services.policy.discomName }));
      return step.beginDialog(ASK_DETAILS, { key: 'fraud.askDetails' });
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog();
      const session = await services.memory.sessionOf(step.context);
      await escalate(services, step.context, {
        category: 'fraud_report',
        consumer: null,
        caNumber: session.caNumber ?? null,
        description: `Fraud report from a consumer: ${answer.value}`,
      });
      return step.endDialog();
    },
  ]);
  return [flow, new AskDialog(ASK_DETAILS, services, parseDetails, { freeText: true })];
}
