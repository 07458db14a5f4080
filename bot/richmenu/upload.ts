// Uploading a rich-menu image to LINE's data host (api-data.line.me): a binary body, which the JSON-only
// LineClient.call does not send; errors become the same LineApiError as every other LINE call.
import { LineApiError } from '../line/errors.ts';

export type UploadMenuImage = (richMenuId: string, png: Uint8Array) => Promise<void>;

export interface UploadOptions {
  channelAccessToken: string;
  /** https://api-data.line.me, or the fake LINE API in tests and local mode. */
  dataApiBaseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** POST /v2/bot/richmenu/{richMenuId}/content (https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image). */
export function createMenuImageUploader(options: UploadOptions): UploadMenuImage {
  const doFetch = options.fetch ?? fetch;
  return async (richMenuId, png) => {
    const path = `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}/content`;
    let res: Response;
    try {
      res = await doFetch(`${options.dataApiBaseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.channelAccessToken}`, 'content-type': 'image/png' },
        body: Uint8Array.from(png),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new LineApiError(
        0,
        error instanceof Error ? error.message : String(error),
        undefined,
        undefined,
        path,
      );
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      const requestId = res.headers.get('x-line-request-id') ?? undefined;
      throw new LineApiError(res.status, body, requestId, undefined, path);
    }
  };
}
