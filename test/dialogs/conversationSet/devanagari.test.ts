import { describeConversationSet } from './conversationSetScript';

describeConversationSet('devanagari', 0.9);
