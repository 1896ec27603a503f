import { mentionsUrgency } from '../../src/nlu/urgency';

describe('mentionsUrgency', () => {
  it.each([
    // Illness.
    'bachha bimar hai light chalu karo',
    'ghar me patient hai',
    'papa ko bukhar hai',
    'मेरी माँ बीमार है',
    'घर में मरीज है',
    'my father is sick, please restore power',
    'bimaaaar hai',
    // Infants and pregnancy.
    'chhota bachha hai ghar me',
    '2 mahine ka bacha hai',
    'नवजात शिशु है घर में',
    'we have a newborn baby at home',
    'wife pregnant hai',
    'घर में गर्भवती महिला है',
    // The elderly.
    'ghar me buzurg hai',
    'बुजुर्ग माँ घर में है',
    '80 saal ki dadi hai',
    'my old mother lives alone',
    'senior citizen at home',
    // Medical equipment.
    'oxygen machine chal rahi hai',
    'ऑक्सीजन मशीन बंद हो जाएगी',
    'dialysis at home',
    'nebulizer nahi chal raha',
  ])('urgent: %s', (text) => {
    expect(mentionsUrgency(text)).toBe(true);
  });

  it.each([
    'recharge kiya light nahi aayi',
    'old meter kharab hai',
    'bill galat hai',
    'बच्चों की पढ़ाई हो रही है',
    'chhota sa sawal hai',
    'my balance is 80 rupees',
    '20 saal purana meter',
    'मीटर जल गया',
  ])('not urgent: %s', (text) => {
    expect(mentionsUrgency(text)).toBe(false);
  });
});
