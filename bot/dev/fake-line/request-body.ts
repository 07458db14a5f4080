// Reading a request for the fake: the body by the operation's kind (JSON, binary image, none) and the retry key.
import type { ContractError } from './limits.ts';
import { LINE_LIMITS } from './limits.ts';
import type { LineOperation } from './operations.ts';

export interface ParsedBody {
  /** What the handler gets: parsed JSON, the bytes of a binary body, or undefined. */
  value: unknown;
  /** What is recorded: parsed JSON, or the byte length of a binary body. */
  recorded: unknown;
  errors: ContractError[];
}

/** Operations that accept `X-Line-Retry-Key`; LINE answers 400 to the header anywhere else (PLATFORM-NOTES §1.7). */
export const RETRY_KEY_OPERATIONS = new Set(['pushMessage', 'multicast', 'narrowcast', 'broadcast']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const RETRY_KEY = 'X-Line-Retry-Key';

export function parseBody(operation: LineOperation, bytes: Uint8Array, contentType: string): ParsedBody {
  if (operation.body === 'binary') return parseImage(bytes, contentType);
  if (operation.body === 'none' || bytes.length === 0)
    return { value: undefined, recorded: undefined, errors: [] };
  if (!contentType.startsWith('application/json')) {
    const message = `content-type must be application/json, not ${contentType || 'missing'}`;
    return { value: undefined, recorded: bytes.length, errors: [{ property: '', message }] };
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return { value, recorded: value, errors: [] };
  } catch (error) {
    const message = `the body is not JSON (${error instanceof Error ? error.message : String(error)})`;
    return { value: undefined, recorded: bytes.length, errors: [{ property: '', message }] };
  }
}

/** Rich-menu images: JPEG or PNG, at most 1 MB (PLATFORM-NOTES §1.10). */
function parseImage(bytes: Uint8Array, contentType: string): ParsedBody {
  const errors: ContractError[] = [];
  const type = contentType.split(';')[0]?.trim() ?? '';
  if (!IMAGE_TYPES.has(type))
    errors.push({
      property: '',
      message: `content-type must be image/jpeg or image/png, not ${type || 'missing'}`,
    });
  if (bytes.length === 0) errors.push({ property: '', message: 'the image is empty' });
  if (bytes.length > LINE_LIMITS.richMenuImageBytes) {
    errors.push({
      property: '',
      message: `the image must be at most ${LINE_LIMITS.richMenuImageBytes} bytes, not ${bytes.length}`,
    });
  }
  return { value: bytes, recorded: bytes.length, errors };
}

export function checkRetryKey(operationId: string, retryKey: string | undefined): ContractError[] {
  if (retryKey === undefined) return [];
  if (!RETRY_KEY_OPERATIONS.has(operationId)) {
    return [
      {
        property: RETRY_KEY,
        message: `is not accepted by ${operationId}, only by push, multicast, narrowcast and broadcast`,
      },
    ];
  }
  return UUID.test(retryKey)
    ? []
    : [{ property: RETRY_KEY, message: `must be a UUID, not ${JSON.stringify(retryKey)}` }];
}
