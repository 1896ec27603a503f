import { TestAdapter, TurnContext } from 'botbuilder';
import { requestSourceOf, setRequestSource } from '../../src/conversations/requestSourceOfTurn';

const turn = (activity: object) => new TurnContext(new TestAdapter(), { type: 'message', text: 'balance 101000001', ...activity });

describe('the client address of a turn', () => {
  it('is what the channel route set from the connection', () => {
    const context = turn({});
    setRequestSource(context, '203.0.113.7');
    expect(requestSourceOf(context)).toBe('203.0.113.7');
  });

  it('cannot be claimed by anything a client posts, channelData included', () => {
    const posted = JSON.parse('{"channelData":{"source":"10.0.0.1","requestSource":"10.0.0.1","sampark.requestSource":"10.0.0.1"}}') as object;
    expect(requestSourceOf(turn(posted))).toBeNull();
  });
});
