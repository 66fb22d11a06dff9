// Reads binary greyscale PGM (P5) images, the format `pdftoppm -gray -pgm` writes: enough to
// count ink on rendered PDF pages without an image library.

export interface GreyImage {
  width: number;
  height: number;
  maxValue: number;
  pixels: Uint8Array;
}

export function parsePgm(bytes: Uint8Array): GreyImage {
  let at = 0;
  const token = (): string => {
    for (;;) {
      while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at] as number))) at++;
      if (bytes[at] !== 0x23) break;
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
    }
    const start = at;
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at] as number))) at++;
    return String.fromCharCode(...bytes.subarray(start, at));
  };
  if (token() !== 'P5') throw new Error('not a binary PGM (P5) image');
  const width = Number(token());
  const height = Number(token());
  const maxValue = Number(token());
  if (!(width > 0 && height > 0 && maxValue > 0 && maxValue < 256))
    throw new Error('unsupported PGM header');
  // Exactly one whitespace byte separates the header from the pixels.
  at++;
  const pixels = bytes.subarray(at, at + width * height);
  if (pixels.length !== width * height) throw new Error('PGM pixel data is truncated');
  return { width, height, maxValue, pixels };
}

/** Pixels darker than `threshold` (0–maxValue scale). */
export function countInk(image: GreyImage, threshold = 0.9 * image.maxValue): number {
  let n = 0;
  for (const p of image.pixels) if (p < threshold) n++;
  return n;
}
