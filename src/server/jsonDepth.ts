/**
 * Whether parsed JSON nests no deeper than `maxDepth` arrays and objects. Walked with an explicit
 * stack: V8 parses any depth, but JSON.stringify and structuredClone recurse and overflow the call
 * stack on a few hundred kilobytes of "[[[[", which would surface far from the request that sent it.
 */
export function nestsWithin(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return false;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return true;
}
