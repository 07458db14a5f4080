// LINE's size limits that messaging-api.yml does not encode (PLATFORM-NOTES §1.5, §1.9), as `{property, message}` errors.
import { isJsonObject, type JsonObject } from './json.ts';
import { CHAT_ID, type ContractError, LINE_LIMITS, USER_ID } from './limit-values.ts';
import { checkMessage } from './message-limits.ts';

export { CHAT_ID, type ContractError, LINE_LIMITS, USER_ID } from './limit-values.ts';

/** Operations whose body carries `messages`. */
const MESSAGE_OPERATIONS = new Set([
  'replyMessage',
  'pushMessage',
  'multicast',
  'narrowcast',
  'broadcast',
  'pushMessagesByPhone',
  'validateReply',
  'validatePush',
  'validateMulticast',
  'validateNarrowcast',
  'validateBroadcast',
]);

/** The hand-written checks for one operation's (already parsed) JSON body. */
export function checkLimits(operationId: string, body: unknown): ContractError[] {
  if (!isJsonObject(body)) return [];
  const request = body;
  const errors: ContractError[] = [];
  if (MESSAGE_OPERATIONS.has(operationId)) errors.push(...checkMessages(request.messages));
  if (operationId === 'pushMessage') errors.push(...checkPushTarget(request.to));
  if (operationId === 'multicast') errors.push(...checkMulticastTargets(request.to));
  if (operationId === 'showLoadingAnimation') errors.push(...checkLoading(request));
  return errors;
}

function checkMessages(messages: unknown): ContractError[] {
  if (!Array.isArray(messages)) return [];
  const errors: ContractError[] = [];
  if (messages.length < 1 || messages.length > LINE_LIMITS.messagesPerRequest) {
    errors.push({
      property: 'messages',
      message: `must hold 1 to ${LINE_LIMITS.messagesPerRequest} messages, not ${messages.length}`,
    });
  }
  for (const [i, message] of messages.entries()) errors.push(...checkMessage(message, `messages[${i}]`));
  return errors;
}

function checkPushTarget(to: unknown): ContractError[] {
  if (typeof to !== 'string' || CHAT_ID.test(to)) return [];
  return [
    {
      property: 'to',
      message: `must be a user, group or room ID (U/C/R + 32 hex), not ${JSON.stringify(to)}`,
    },
  ];
}

function checkMulticastTargets(to: unknown): ContractError[] {
  if (!Array.isArray(to)) return [];
  const errors: ContractError[] = [];
  if (to.length > LINE_LIMITS.multicastRecipients) {
    errors.push({
      property: 'to',
      message: `must hold at most ${LINE_LIMITS.multicastRecipients} user IDs, not ${to.length}`,
    });
  }
  to.forEach((id, i) => {
    if (typeof id === 'string' && !USER_ID.test(id)) {
      errors.push({
        property: `to[${i}]`,
        message: `must be a user ID (U + 32 hex); multicast cannot send to ${JSON.stringify(id)}`,
      });
    }
  });
  return errors;
}

function checkLoading(request: JsonObject): ContractError[] {
  const errors: ContractError[] = [];
  const { chatId, loadingSeconds } = request;
  if (typeof chatId === 'string' && !USER_ID.test(chatId)) {
    errors.push({
      property: 'chatId',
      message: 'must be a user ID: the loading animation works only in one-to-one chats',
    });
  }
  if (typeof loadingSeconds === 'number' && loadingSeconds % 5 !== 0) {
    errors.push({ property: 'loadingSeconds', message: 'must be a multiple of 5' });
  }
  return errors;
}
