import { hasAnyPhrase, wordsOf } from './words';

/** The consumer doubts the meter itself: it runs fast, takes too much, reads wrong. */
const DISPUTES = [
  'tez', 'tej', 'fast', 'jyada kat', 'zyada kat', 'jada kat', 'jyada kaat', 'zyada kaat', 'jyada le', 'zyada le', 'bahut kat',
  'jyada aa', 'zyada aa', 'galat', 'wrong', 'faulty', 'defective', 'check meter', 'meter test', 'meter check', 'meter jaanch',
  'meter janch', 'excess', 'too much', 'overcharg', 'over charg', 'reading galat', 'chor meter', 'तेज़', 'तेज', 'ज्यादा कट',
  'ज़्यादा कट', 'ज्यादा काट', 'बहुत कट', 'गलत', 'मीटर जाँच', 'मीटर जांच', 'मीटर टेस्ट',
];

/** Whether the consumer disputes the meter's reading or deductions, so a meter test is worth offering. */
export function disputesTheMeter(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), DISPUTES);
}

/** A meter test asked for in so many words: "jaanch karwa dijiye", "koi aakar dekhe", "please test my meter". */
const TEST_REQUESTS = [
  'jaanch', 'janch', 'jach', 'jaach', 'जांच', 'जाँच', 'test', 'testing', 'tested', 'टेस्ट', 'check karwa', 'check karwana', 'check karwaiye',
  'check kara', 'chek karwa', 'aakar dekhe', 'aakar dekh', 'aake dekhe', 'aake dekh', 'आकर देखे', 'आकर देखें', 'आके देखे',
  'check my meter', 'check the meter', 'inspect', 'inspection',
];

/** Whether the consumer asks for the meter to be tested or looked at; asked so plainly, it is consent to a meter test. */
export function asksForMeterTest(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), TEST_REQUESTS);
}
