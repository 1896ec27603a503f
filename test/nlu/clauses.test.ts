import { clausesOf } from '../../src/nlu/clauses';

describe('clausesOf', () => {
  it('two needs in one message split where the second starts', () => {
    expect(clausesOf('mobile number badalna hai, aur last recharge kab hua tha?')).toEqual(['mobile number badalna hai', 'last recharge kab hua tha']);
    expect(clausesOf('I am having two query. 1) I want to increase my load 2) Please tell my current balance')).toEqual([
      'I am having two query',
      'I want to increase my load',
      'Please tell my current balance',
    ]);
  });

  it('keeps a short opening with the clause it opens', () => {
    expect(clausesOf('Respected Sir, I want a new connection for my house. Kindly guide me the procedure')).toEqual([
      'Respected Sir I want a new connection for my house',
      'Kindly guide me the procedure',
    ]);
    expect(clausesOf('namaste ji')).toEqual(['namaste ji']);
  });
});
