import { describeConversationSet } from './conversationSetScript';

describeConversationSet('english', 0.9);
