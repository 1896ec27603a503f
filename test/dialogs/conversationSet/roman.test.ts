import { describeConversationSet } from './conversationSetScript';

describeConversationSet('roman', 0.9);
