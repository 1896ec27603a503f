import { SCRIPTS, type Script, type SetConversation } from './conversationSet';
import { judgeConversation, type Verdict } from './judgeConversation';
import { playConversation, type PlayedConversation } from './playConversation';

export interface ConversationResult {
  conversation: SetConversation;
  played: PlayedConversation;
  verdict: Verdict;
}

/** The figures the issue asks for: resolved shares overall and per script, and harmful conversations. */
export interface SetFigures {
  n: number;
  /** Share of conversations resolved, 0 to 1, three decimals. */
  resolved: number;
  byScript: Record<Script, { n: number; resolved: number }>;
  /** How many conversations did harm (the target is none). */
  harmful: number;
}

/** Plays every conversation, one at a time (each on a fresh Sampark), and judges it. */
export async function evaluateConversationSet(set: readonly SetConversation[]): Promise<ConversationResult[]> {
  const results: ConversationResult[] = [];
  for (const conversation of set) {
    const played = await playConversation(conversation);
    results.push({ conversation, played, verdict: judgeConversation(conversation, played) });
  }
  return results;
}

export function figuresOf(results: readonly ConversationResult[]): SetFigures {
  const byScript = Object.fromEntries(
    SCRIPTS.map((script) => {
      const ofScript = results.filter((result) => result.conversation.script === script);
      return [script, { n: ofScript.length, resolved: share(ofScript) }];
    }),
  ) as SetFigures['byScript'];
  return {
    n: results.length,
    resolved: share(results),
    byScript,
    harmful: results.filter((result) => result.verdict.harmful).length,
  };
}

/** A failed conversation as a reader needs it: who, what they typed, what the bot said, what fell short. */
export function describeFailure({ conversation, played, verdict }: ConversationResult): string {
  const lines = [`${conversation.id} (${conversation.script}) ${conversation.persona}`];
  conversation.turns.forEach((turn, index) => {
    lines.push(`  consumer: ${turn}`);
    for (const reply of played.replies[index] ?? []) lines.push(`  bot: ${reply.replace(/\n/g, ' ⏎ ')}`);
  });
  for (const harm of verdict.harms) lines.push(`  HARM: ${harm}`);
  for (const shortfall of verdict.shortfalls) lines.push(`  short: ${shortfall}`);
  return lines.join('\n');
}

function share(results: readonly ConversationResult[]): number {
  if (results.length === 0) return 0;
  return Math.round((results.filter((result) => result.verdict.resolved).length / results.length) * 1000) / 1000;
}
