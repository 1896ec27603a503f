import { loadConversationSet } from './conversationSet';
import { describeFailure, evaluateConversationSet, figuresOf } from './evaluateConversationSet';

/**
 * `npm run eval:conversations [-- --failures] [-- --set FOLDER] [-- id-prefix]`: plays the realistic
 * conversation set (or the set in FOLDER: one written outside the team, which the repository does not
 * hold) and prints the resolved share per script; the last line is one JSON object {n, resolved,
 * byScript, harmful} for tools to read. `--failures` prints every conversation that fell short, whole.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showFailures = args.includes('--failures');
  const setAt = args.indexOf('--set');
  const folder = setAt >= 0 ? args[setAt + 1] : undefined;
  const prefixes = args.filter((arg, i) => !arg.startsWith('--') && (setAt < 0 || i !== setAt + 1));
  const set = loadConversationSet(folder).filter((c) => prefixes.length === 0 || prefixes.some((prefix) => c.id.startsWith(prefix)));
  const results = await evaluateConversationSet(set);
  if (showFailures) {
    for (const result of results.filter((r) => !r.verdict.resolved)) console.log(`${describeFailure(result)}\n`);
  }
  const figures = figuresOf(results);
  for (const [script, { n, resolved }] of Object.entries(figures.byScript)) {
    console.log(`${script.padEnd(11)} ${String(n).padStart(4)} conversations, ${(resolved * 100).toFixed(1)}% resolved`);
  }
  console.log(`all         ${String(figures.n).padStart(4)} conversations, ${(figures.resolved * 100).toFixed(1)}% resolved, ${figures.harmful} harmful`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
