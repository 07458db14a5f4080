// Saving a downloaded report (.docx/.html) under the server's file name, from any page.
import { errorOf } from './api.ts';

/** Saves a downloaded body under the server's file name (content-disposition); throws the API's error if refused. */
export async function saveFile(response: Response, fallback = 'ita-report'): Promise<void> {
  if (!response.ok) throw await errorOf(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
