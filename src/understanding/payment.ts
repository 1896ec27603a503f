import { hasAnyPhrase, wordsOf } from './words';

/** How consumers say they have already paid: recharged, paid, money gone from the account. */
const PAID = [
  'recharge kiya', 'recharge kia', 'recharge kara', 'recharge karaya', 'recharge karwaya', 'recharge kar diya', 'recharge kr diya',
  'recharge kiye', 'recharge ho gaya', 'richarge kiya', 'rechaarj kiya', 'paid', 'have paid', 'pay kiya', 'pay kar diya', 'payment kiya',
  'payment kar diya', 'payment kiye', 'bhugtan kiya', 'paisa kat gaya', 'paise kat gaye', 'paisa cut gaya', 'amount debited',
  'debited from', 'deducted from my account', 'recharged', 'did recharge', 'done recharge', 'have done recharge', 'made payment',
  'made the payment', 'रिचार्ज किया', 'रिचार्ज कराया', 'रिचार्ज करवाया', 'रिचार्ज कर दिया', 'रिचार्ज हो गया', 'भुगतान किया',
  'भुगतान कर दिया', 'पैसा कट गया', 'पैसे कट गए', 'पेमेंट किया', 'पेमेंट कर दिया',
  // A payment stuck on its way was made all the same.
  'atka', 'atka hua', 'atak gaya', 'stuck', 'phansa', 'fansa', 'अटका', 'अटक गया', 'फंसा', 'फँसा',
];

/** Whether the consumer says they have already paid or recharged. */
export function saysPaid(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), PAID);
}

/** "Har recharge me 435 kat jata hai": a deduction from every recharge, the instalment of old dues. */
const EVERY_RECHARGE = [
  'har recharge', 'har bar', 'har baar', 'har ber', 'every recharge', 'each recharge', 'every time i recharge',
  'bakaya', 'baki', 'arrear', 'arrears', 'purana bill', 'purana bakaya', 'old dues', 'हर रिचार्ज', 'हर बार', 'हर बेर', 'बकाया',
  'पुराना बिल', 'पुराना बकाया',
];

/** Whether the consumer describes money taken from each recharge (arrears), not a payment gone missing. */
export function saysTakenFromEveryRecharge(text: string): boolean {
  return hasAnyPhrase(wordsOf(text), EVERY_RECHARGE);
}
