import type { Activity } from 'botbuilder';

const NUMBERED_LINE = /^(\d{1,2})\. (.+)$/;

/**
 * The bot writes its options twice, as numbered lines (for channels without buttons, and for
 * answering "2") and as suggested actions. Web Chat shows the buttons, so the numbered lines that
 * repeat them, in order and all of them, are taken out of the text: on a phone the menu fills the
 * screen once, not twice. Typing a number still picks the option.
 */
export function withOneMenu(activity: Partial<Activity>): Partial<Activity> {
  const titles = (activity.suggestedActions?.actions ?? []).map((action) => action.title ?? String(action.value ?? ''));
  if (!activity.text || titles.length === 0) return activity;
  const lines = activity.text.split('\n');
  const numbered = lines
    .map((line, index) => ({ index, match: NUMBERED_LINE.exec(line) }))
    .filter((line): line is { index: number; match: RegExpExecArray } => line.match !== null);
  const repeatsTheButtons =
    numbered.length > 0 &&
    numbered.length <= titles.length &&
    numbered.every(({ match }, position) => Number(match[1]) === position + 1 && match[2] === titles[position]);
  if (!repeatsTheButtons) return activity;
  const dropped = new Set(numbered.map((line) => line.index));
  const text = lines
    .filter((_line, index) => !dropped.has(index))
    .join('\n')
    .trimEnd();
  return { ...activity, text };
}
