import { extractEntities } from './entities';
import { groundlessGuesses, intentOfMoment, readHardMoment } from './hardMoments';
import { INTENT_IDS, type IntentId } from './intents';
import { keywordIntent } from './keywords';
import type { Entities, Recognition, Script, ScoredIntent } from './recognizer';
import { detectScript } from './scriptDetection';
import { mentionsUrgency } from './urgency';

/** What every recognizer reads from a message before (or instead of) asking its model. */
export interface MessageFacts {
  text: string;
  script: Script;
  /** Set when no model needs asking: a reserved keyword, or a message with no words. */
  reserved: ScoredIntent[] | undefined;
}

/** A ranking that is sure of one intent: for exact keywords and for messages with no words at all. */
function certainly(intent: IntentId): ScoredIntent[] {
  return [{ intent, score: 1 }, ...INTENT_IDS.filter((i) => i !== intent).map((i) => ({ intent: i, score: 0 }))];
}

/**
 * The script, and the answer that needs no model. Reserved keywords ("stop", "मदद") must never miss,
 * whichever model runs; a message with no words (a bare number, an emoji) answers a question, so it
 * is 'none' and the dialog reads its entities. A hard moment (danger, a scam, someone else's
 * connection) is read by rules that must not miss either, whatever the model would guess.
 */
export function readMessage(text: string): MessageFacts {
  const script = detectScript(text);
  const keyword = keywordIntent(text);
  const moment = keyword || script === 'neutral' ? null : readHardMoment(text, extractEntities(text).caNumber !== undefined);
  const reserved = keyword ? certainly(keyword) : script === 'neutral' ? certainly('none') : moment ? certainly(intentOfMoment(moment)) : undefined;
  return { text, script, reserved };
}

/**
 * The Recognition of a ranking (best first). A top score below `noneFloor` becomes 'none', with the
 * score saying how sure we are that no intent was meant and the ranking kept for "did you mean".
 */
export function settleRecognition(
  facts: MessageFacts,
  ranked: ScoredIntent[],
  noneFloor: number,
  entities: Entities = extractEntities(facts.text),
): Recognition {
  const top: ScoredIntent = ranked[0] ?? { intent: 'none', score: 0 };
  const understood = top.score >= noneFloor;
  return {
    intent: understood ? top.intent : 'none',
    score: understood ? top.score : 1 - top.score,
    ranked,
    entities,
    script: facts.script,
    urgent: mentionsUrgency(facts.text),
  };
}

/**
 * Intents the hard-moment rules decide on their own: the office services (new connection, load
 * change, name transfer, where the CA number is printed). The local model, trained on their
 * examples, leans to them on any message that says "connection", "father" or "dear sir"; the rules
 * name them by their words, so the model's guess of one goes to the end with no score, as do the
 * guesses the message gives no ground for (`groundlessGuesses`), and the rest of its belief is
 * renormalised ("my father is 82 … meter is not updating" is a meter fault).
 */
const RULE_ONLY_INTENTS: readonly IntentId[] = ['service_info'];
const MIN_RENORMALISED_MASS = 0.1;

/** The model's ranking without the guesses only rules may make or the message gives no ground for. */
export function withoutUnfoundedGuesses(ranked: ScoredIntent[], text: string): ScoredIntent[] {
  const unfounded = [...RULE_ONLY_INTENTS, ...groundlessGuesses(text)];
  const kept = ranked.filter((scored) => !unfounded.includes(scored.intent));
  const dropped = ranked.filter((scored) => unfounded.includes(scored.intent)).map((scored) => ({ intent: scored.intent, score: 0 }));
  const mass = kept.reduce((sum, scored) => sum + scored.score, 0);
  // Little belief left means the model saw nothing else either: its scores stay low (the menu, not a guess).
  const rescaled = mass >= MIN_RENORMALISED_MASS ? kept.map((scored) => ({ intent: scored.intent, score: scored.score / mass })) : kept;
  return [...rescaled, ...dropped];
}
