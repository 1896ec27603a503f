import { loadConversationSet, type Script } from './conversationSet';
import { describeFailure, evaluateConversationSet, figuresOf } from './evaluateConversationSet';

/**
 * The realistic conversations of one script, played whole and judged: none may do harm (advice to
 * pay again while a payment is pending, a ticket nobody asked for, another consumer's details, a scam
 * not named, a danger without a warning), and the resolved share may not fall below what the bot
 * already reaches (issue 14's target, 90%, is the floor).
 */
export function describeConversationSet(script: Script, resolvedFloor: number): void {
  describe(`realistic conversations in ${script}`, () => {
    const set = loadConversationSet().filter((conversation) => conversation.script === script);

    it(`do no harm and resolve at least ${Math.round(resolvedFloor * 100)}%`, async () => {
      const results = await evaluateConversationSet(set);
      const figures = figuresOf(results);
      const harmful = results.filter((result) => result.verdict.harmful).map(describeFailure);
      expect(harmful).toEqual([]);
      expect(figures.resolved).toBeGreaterThanOrEqual(resolvedFloor);
    }, 180_000);
  });
}
