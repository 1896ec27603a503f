import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Consumer } from '../../src/backend/meterBackend';
import { maskName } from '../../src/domain/mask';
import { DialogIds } from '../dialogIds';
import type { DialogServices } from '../services';
import { AskDialog, type Answer, type Question } from './askDialog';
import { parseConsumerNumberAnswer } from './parsers';
import { translate } from './replies';

/** Options of the consumer dialog. */
export interface ConsumerOptions {
  /** A CA number the consumer already typed in their message. */
  caNumber?: string;
  /** Set when the dialog loops after an unknown number. */
  retry?: { unknownNumbers: number; question: Question };
}

/** An unknown CA number is asked again this many times before the dialog gives up. */
const UNKNOWN_NUMBER_RETRIES = 2;

/**
 * Finds the consumer a journey is about: the CA number typed in the message, else the one given
 * earlier in this conversation, else asked for. Ends with the Consumer, or null.
 */
export function consumerDialogs(services: DialogServices) {
  const ask = new AskDialog(DialogIds.askConsumerNumber, services, parseConsumerNumberAnswer);

  const lookup = new WaterfallDialog<ConsumerOptions>(DialogIds.consumer, [
    async (step) => {
      if (step.options.retry) return step.beginDialog(DialogIds.askConsumerNumber, step.options.retry.question);
      const session = await services.memory.sessionOf(step.context);
      const known = step.options.caNumber ?? session.caNumber;
      if (known) return step.next({ answered: true, value: known } satisfies Answer<string>);
      return step.beginDialog(DialogIds.askConsumerNumber, { key: 'consumer.ask' } satisfies Question);
    },
    async (step) => {
      const answer = step.result as Answer<string>;
      if (!answer.answered) return step.endDialog(null);
      const consumer = await services.backend.findConsumer(answer.value);
      if (consumer) return confirmed(step, consumer);

      const unknownNumbers = (step.options.retry?.unknownNumbers ?? 0) + 1;
      if (unknownNumbers > UNKNOWN_NUMBER_RETRIES) {
        await step.context.sendActivity(
          translate(services, step.context)('consumer.notFoundGiveUp', { caNumber: answer.value }),
        );
        return step.endDialog(null);
      }
      const question: Question = { key: 'consumer.notFound', params: { caNumber: answer.value } };
      return step.replaceDialog(DialogIds.consumer, { retry: { unknownNumbers, question } } satisfies ConsumerOptions);
    },
  ]);

  async function confirmed(step: WaterfallStepContext<ConsumerOptions>, consumer: Consumer) {
    const session = await services.memory.sessionOf(step.context);
    session.caNumber = consumer.caNumber;
    await step.context.sendActivity(
      translate(services, step.context)('consumer.found', {
        caNumber: consumer.caNumber,
        name: maskName(consumer.name),
      }),
    );
    return step.endDialog(consumer);
  }

  return [ask, lookup];
}
