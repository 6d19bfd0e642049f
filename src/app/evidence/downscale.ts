/** Longest side of a photo made smaller: enough to read a document or a face, a fraction of the bytes. */
const MAX_SIDE = 2048;
const QUALITY = 0.85;

/**
 * A smaller JPEG copy of a photo, or undefined when it cannot be made or would not be smaller. The
 * copy also leaves out the photo's metadata (such as where it was taken).
 */
export async function smallerPhoto(photo: Blob): Promise<Blob | undefined> {
  try {
    const bitmap = await createImageBitmap(photo);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    canvas.width = 0;
    return blob && blob.size < photo.size ? blob : undefined;
  } catch {
    return undefined;
  }
}

/** The name of the smaller copy: a JPEG now, whatever it was. */
export const smallerName = (name: string) => name.replace(/\.(png|jpe?g)$/i, '') + '.jpg';

/** Longest side of a thumbnail, in CSS pixels times two for sharp screens. */
const THUMB_SIDE = 128;

/**
 * A small JPEG thumbnail of a photo as a data: URL (the app's CSP allows images from data: but not from
 * blob:), or undefined when it cannot be drawn. Only the thumbnail stays in memory, never the photo.
 */
export async function thumbnailOf(photo: Blob): Promise<string | undefined> {
  try {
    const bitmap = await createImageBitmap(photo);
    const scale = Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const url = canvas.toDataURL('image/jpeg', QUALITY);
    canvas.width = 0;
    return url;
  } catch {
    return undefined;
  }
}
