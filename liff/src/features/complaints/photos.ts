// Photos for the complaint form: every picture is redrawn on a canvas, smaller and as JPEG, so it fits the
// server's per-photo limit and loses its EXIF data (a phone photo's GPS position could identify the reporter).
import { INTAKE_RULES } from '../../../../core/complaints/intake-rules.ts';
import type { FormPhoto } from './form-model.ts';

/** Long side in pixels: plenty to read a document or a sign, a few hundred KB as JPEG. */
const MAX_SIDE = 1600;
const QUALITIES = [0.85, 0.75, 0.6, 0.45] as const;

export type PhotoOutcome = { ok: true; photo: FormPhoto } | { ok: false; message: string };

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    image.src = url;
  });
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('read'));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });
}

/** The size a picture is drawn at: the long side at most MAX_SIDE, proportions kept. */
export function scaledSize(
  width: number,
  height: number,
  maxSide = MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A picture the person chose → a JPEG under the limit, or why not (in Thai). */
export async function preparePhoto(file: File, maxBytes = INTAKE_RULES.maxPhotoBytes): Promise<PhotoOutcome> {
  if (!file.type.startsWith('image/')) return { ok: false, message: 'รับเฉพาะไฟล์รูปภาพ (JPEG, PNG หรือ WebP)' };
  let image: HTMLImageElement;
  try {
    image = await loadImage(file);
  } catch {
    return { ok: false, message: `เปิดรูป "${file.name}" ไม่ได้ โปรดเลือกรูปอื่น (JPEG, PNG หรือ WebP)` };
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (context === null) return { ok: false, message: 'เบราว์เซอร์นี้ย่อรูปไม่ได้ โปรดลองใน LINE บนโทรศัพท์' };
  let side = MAX_SIDE;
  // Smaller quality first, then a smaller picture: a sharp small photo reads better than a blurry big one.
  for (let round = 0; round < 3; round += 1) {
    const size = scaledSize(image.naturalWidth, image.naturalHeight, side);
    canvas.width = size.width;
    canvas.height = size.height;
    context.fillStyle = '#fff'; // transparent PNG areas would turn black in JPEG
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(image, 0, 0, size.width, size.height);
    for (const quality of QUALITIES) {
      const blob = await toBlob(canvas, quality);
      if (blob !== null && blob.size <= maxBytes) {
        const preview = await dataUrlOf(blob);
        const data = preview.slice(preview.indexOf(',') + 1);
        return { ok: true, photo: { contentType: 'image/jpeg', data, bytes: blob.size, preview } };
      }
    }
    side = Math.round(side * 0.7);
  }
  return { ok: false, message: 'รูปนี้ใหญ่เกินกว่าจะส่งได้ โปรดเลือกรูปอื่น' };
}

/** '245 KB', '1.2 MB' */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}
