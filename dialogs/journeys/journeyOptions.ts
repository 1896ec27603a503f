import type { Entities } from '../../src/nlu/recognizer';

/** Every journey begins with what the consumer's first message already told. */
export interface JourneyOptions {
  entities: Entities;
  /** Started from the menu shown after the bot understood nothing twice (an agent request says why). */
  botCouldNotHelp?: boolean;
}

/** A yes/no question with the two buttons. */
export function yesNoQuestion(key: string, params: Record<string, unknown> = {}) {
  return { key, params, buttonKeys: ['common.yes', 'common.no'] };
}
