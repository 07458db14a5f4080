// Uploading a rich-menu image: the LINE client's binary upload, as the function the rich-menu code is handed.
import type { LineClient } from '../../line/client.ts';

export type UploadMenuImage = (richMenuId: string, png: Uint8Array) => Promise<void>;

export function createMenuImageUploader(line: Pick<LineClient, 'uploadRichMenuImage'>): UploadMenuImage {
  return (richMenuId, png) => line.uploadRichMenuImage(richMenuId, png, 'image/png');
}
