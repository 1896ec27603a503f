/**
 * A message split where a second need usually starts: "mobile number badalna hai, aur last recharge
 * kab hua tha?", "paid 500 but balance not updated. also my meter display is off". Clauses of fewer
 * than three words stay with the one before (", ji", "aur haan"), or with the one after when they open
 * the message ("Respected Sir, …").
 */
export function clausesOf(text: string): string[] {
  const parts = text
    .split(/[,;।?\n]+|\.\s+|(?:^|\s)\d\)\s*|\s+(?:aur|or|and|also|tatha|plus|saath hi|sath hi|और|तथा|साथ ही|एवं)\s+/iu)
    // Numbered needs ("1) … 2) …") lose their numbers.
    .map((part) => part.trim().replace(/^\d\)\s*/, ''))
    .filter(Boolean);
  const clauses: string[] = [];
  let opening = '';
  for (const part of parts) {
    const short = part.split(/\s+/).length < 3;
    if (short && clauses.length > 0) clauses[clauses.length - 1] += ` ${part}`;
    // A short opening ("Respected Sir", "namaste ji") is no need of its own: it goes with the first clause.
    else if (short) opening = `${opening}${part} `;
    else clauses.push(`${opening}${part}`), (opening = '');
  }
  if (opening) clauses.push(opening.trim());
  return clauses;
}
