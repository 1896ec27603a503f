import { mentionsArea } from '../../src/understanding/area';
import { dropsTheMatter } from '../../src/understanding/courseChange';
import { disputesTheMeter } from '../../src/understanding/dispute';
import { distressOf } from '../../src/understanding/feelings';
import { saysPaid, saysTakenFromEveryRecharge } from '../../src/understanding/payment';
import { isAcknowledgement } from '../../src/understanding/smallTalk';

describe('what a message says beside its intent', () => {
  it('an acknowledgement asks and wants nothing', () => {
    for (const text of ['ok', '👍', 'thik h', 'ok waiting', 'ठीक है', 'achha samajh gaya']) expect(isAcknowledgement(text)).toBe(true);
    for (const text of ['ok kab tak?', 'ok light nahi aayi', 'balance batao']) expect(isAcknowledgement(text)).toBe(false);
  });

  it('a change of course drops the matter in any script', () => {
    for (const text of ['chhodiye ye sab, mera balance dikhaiye', 'Leave it, just tell me the balance', 'रहने दो']) expect(dropsTheMatter(text)).toBe(true);
    expect(dropsTheMatter('mera balance dikhaiye')).toBe(false);
  });

  it('a cut of the area is told apart from a cut at home', () => {
    expect(mentionsArea('pure mohalle ki light gayi hai')).toBe(true);
    expect(mentionsArea('transformer se awaaz aa rahi hai')).toBe(true);
    expect(mentionsArea('pura din light nahi thi')).toBe(false);
  });

  it('a consumer who says they paid, who doubts the meter, who describes instalments of old dues', () => {
    expect(saysPaid('500 ka recharge kiya light nahi aayi')).toBe(true);
    expect(saysPaid('Today I have done recharge of Rs. 500')).toBe(true);
    expect(saysPaid('recharge kaise karein')).toBe(false);
    expect(disputesTheMeter('meter bahut tez chal raha hai')).toBe(true);
    expect(disputesTheMeter('fixed charge kyu kata')).toBe(false);
    expect(saysTakenFromEveryRecharge('हर बार रिचार्ज करने पर 435 कट जाता है')).toBe(true);
  });

  it('distress is heard, everyday words are not', () => {
    expect(distressOf('teen din se pareshan hain koi nahi sunta')).toBe('distress');
    expect(distressOf('kal beti ka board exam hai, light nahi hai')).toBe('exam');
    expect(distressOf('balance kitna hai')).toBeNull();
  });
});
