import { describeConversationSet } from './conversationSetScript';

describeConversationSet('mixed', 0.9);
