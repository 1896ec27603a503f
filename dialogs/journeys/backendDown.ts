import { WaterfallDialog } from 'botbuilder-dialogs';
import type { Answer } from '../common/askDialog';
import { escalate } from '../common/escalation';
import { translate } from '../common/replies';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { yesNoQuestion } from './journeyOptions';

/** Options: the journey that was interrupted, and the CA number it was about, if known. */
export interface BackendDownOptions {
  journey: string;
  caNumber: string | null;
}

/**
 * The meter backend did not answer: tell the consumer to try later and offer a ticket, so a person
 * follows up even while the system is down.
 */
export function backendDownDialogs(services: DialogServices) {
  return [
    new WaterfallDialog<BackendDownOptions>(DialogIds.backendDown, [
      async (step) => step.beginDialog(DialogIds.askConsent, yesNoQuestion('backend.down')),
      async (step) => {
        const answer = step.result as Answer<boolean>;
        if (!answer.answered) return step.endDialog();
        if (!answer.value) {
          await step.context.sendActivity(translate(services, step.context)('backend.tryLater'));
          return step.endDialog();
        }
        await escalate(services, step.context, {
          category: 'callback',
          consumer: null,
          caNumber: step.options.caNumber,
          description: `The meter backend was unavailable during "${step.options.journey}"; follow up with the consumer.`,
        });
        return step.endDialog();
      },
    ]),
  ];
}
