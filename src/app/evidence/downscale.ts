import { SMALLER, THUMBNAIL, fitted, type PhotoSizes } from './photo-sizes.ts';

/** Draws a photo on the main thread: for browsers without OffscreenCanvas in workers. */
async function onMainThread(photo: Blob): Promise<PhotoSizes> {
  const sizes: PhotoSizes = {};
  try {
    const bitmap = await createImageBitmap(photo);
    const draw = async (size: { maxSide: number; quality: number }) => {
      const canvas = document.createElement('canvas');
      Object.assign(canvas, fitted(bitmap.width, bitmap.height, size.maxSide));
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', size.quality));
      canvas.width = 0;
      return blob ?? undefined;
    };
    const smaller = await draw(SMALLER);
    if (smaller && smaller.size < photo.size) sizes.smaller = smaller;
    sizes.thumbnail = await draw(THUMBNAIL);
    bitmap.close();
  } catch {
    // Not a picture this browser can draw: the original is kept, without a thumbnail.
  }
  return sizes;
}

/** One photo at a time through one worker, made when the first photo is chosen. */
let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

function inWorker(photo: Blob): Promise<PhotoSizes> {
  worker ??= new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
  const running = worker;
  const next = queue.then(
    () =>
      new Promise<PhotoSizes>((resolve, reject) => {
        running.onmessage = (event: MessageEvent<PhotoSizes>) => resolve(event.data);
        running.onerror = (event) => {
          event.preventDefault();
          reject(new Error('The photo worker failed'));
        };
        running.postMessage({ photo });
      }),
  );
  queue = next.catch(() => undefined);
  return next;
}

/**
 * A photo's smaller copy (see photo-sizes.ts for the size and why) and thumbnail, made off the main thread
 * where the browser can (OffscreenCanvas in a worker), so the page keeps answering while it works.
 */
export async function photoSizes(photo: Blob): Promise<PhotoSizes> {
  if (typeof OffscreenCanvas === 'function' && typeof Worker === 'function') {
    try {
      return await inWorker(photo);
    } catch {
      worker?.terminate();
      worker = undefined;
    }
  }
  return onMainThread(photo);
}

/** The name of the smaller copy: a JPEG now, whatever it was. */
export const smallerName = (name: string) => name.replace(/\.(png|jpe?g)$/i, '') + '.jpg';

/**
 * A thumbnail as a data: URL (the app's CSP allows images from data: but not from blob:), or undefined
 * when it cannot be drawn. Only the thumbnail stays in memory, never the photo.
 */
export async function thumbnailOf(photo: Blob): Promise<string | undefined> {
  const { thumbnail } = await photoSizes(photo);
  return thumbnail ? dataUrlOf(thumbnail) : undefined;
}

export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The thumbnail could not be read'));
    reader.readAsDataURL(blob);
  });
}
