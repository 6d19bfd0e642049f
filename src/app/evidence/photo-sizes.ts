/**
 * The sizes the app makes of a photo. A smaller copy keeps its longest side at 2,048 px in JPEG at
 * quality 0.85: a page of handwriting, a pay slip or a face stays readable to a caseworker zoomed in, and
 * a 12-megapixel phone photo (4–6 MB) becomes about 0.5–1 MB, a fifth of the time to send on a weak signal.
 * The copy also leaves out the photo's metadata (such as where it was taken).
 */
export const SMALLER = { maxSide: 2048, quality: 0.85 } as const;
/** Longest side of a thumbnail: 64 CSS px shown, doubled for sharp screens. */
export const THUMBNAIL = { maxSide: 128, quality: 0.8 } as const;

export interface PhotoRequest {
  photo: Blob;
}

export interface PhotoSizes {
  /** Undefined when the copy could not be made or would not be smaller. */
  smaller?: Blob;
  thumbnail?: Blob;
}

/** The width and height that fit `maxSide`, never enlarged. */
export function fitted(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
