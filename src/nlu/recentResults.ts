/**
 * Remembers a pure function's results for the last few inputs. Every reader of a turn (the
 * recognizer, the hard-moment rules, urgency, the understanding step) reads the same message and its
 * clauses, so the same text is tokenised many times a turn; a handful of entries covers one turn.
 */
export function rememberingRecent<Result>(compute: (text: string) => Result, size = 8): (text: string) => Result {
  const recent = new Map<string, Result>();
  return (text) => {
    const known = recent.get(text);
    if (known !== undefined) return known;
    const result = compute(text);
    if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    recent.set(text, result);
    return result;
  };
}
