/**
 * A message split where a second need usually starts: "mobile number badalna hai, aur last recharge
 * kab hua tha?", "paid 500 but balance not updated. also my meter display is off". Clauses of fewer
 * than three words stay with the one before (", ji", "aur haan").
 */
export function clausesOf(text: string): string[] {
  const parts = text
    .split(/[,;।?\n]+|\.\s+|(?:^|\s)\d\)\s*|\s+(?:aur|or|and|also|tatha|plus|saath hi|sath hi|और|तथा|साथ ही|एवं)\s+/iu)
    // Numbered needs ("1) … 2) …") lose their numbers.
    .map((part) => part.trim().replace(/^\d\)\s*/, ''))
    .filter(Boolean);
  const clauses: string[] = [];
  for (const part of parts) {
    if (clauses.length > 0 && part.split(/\s+/).length < 3) clauses[clauses.length - 1] += ` ${part}`;
    else clauses.push(part);
  }
  return clauses;
}
