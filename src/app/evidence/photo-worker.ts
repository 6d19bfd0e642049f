import { SMALLER, THUMBNAIL, fitted, type PhotoRequest, type PhotoSizes } from './photo-sizes.ts';

/**
 * Makes a photo's smaller copy and thumbnail off the main thread, so the page keeps answering taps while
 * a 12-megapixel photo is decoded and drawn.
 */
// The worker's own global, typed by what it uses (the app's DOM typings describe a window).
const scope = self as unknown as { onmessage: (event: MessageEvent<PhotoRequest>) => void; postMessage: (sizes: PhotoSizes) => void };

async function drawn(bitmap: ImageBitmap, size: { maxSide: number; quality: number }): Promise<Blob> {
  const { width, height } = fitted(bitmap.width, bitmap.height, size.maxSide);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context in this worker');
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: size.quality });
}

scope.onmessage = async (event) => {
  const { photo } = event.data;
  const sizes: PhotoSizes = {};
  try {
    const bitmap = await createImageBitmap(photo);
    try {
      const smaller = await drawn(bitmap, SMALLER);
      if (smaller.size < photo.size) sizes.smaller = smaller;
      sizes.thumbnail = await drawn(bitmap, THUMBNAIL);
    } finally {
      bitmap.close();
    }
  } catch {
    // Not a picture this browser can draw: the original is kept, without a thumbnail.
  }
  scope.postMessage(sizes);
};
