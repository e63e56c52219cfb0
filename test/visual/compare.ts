import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

/**
 * How different two screenshots may be and still match.
 *
 * - `pixelThreshold`: how far apart two pixels' colours may be and still count as the same
 *   (pixelmatch's threshold: 0 to 1, a perceptual distance; 0.1 is its default and ignores
 *   rounding noise, not a changed colour). Anti-aliased edge pixels are never counted.
 * - `maxMismatchRatio`: the share of pixels that may differ beyond that before the screenshot
 *   fails: 0.2 % (about 2,000 pixels of a 1280 × 800 screenshot, 660 of a 390 × 844 one),
 *   room for a glyph rendered a pixel off, not for a changed colour, border or layout.
 */
export interface Tolerance {
  pixelThreshold: number;
  maxMismatchRatio: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { pixelThreshold: 0.1, maxMismatchRatio: 0.002 };

/** The outcome of comparing a screenshot with its baseline. */
export interface Comparison {
  /** Pixels that differ, counting every pixel outside the smaller image when sizes differ. */
  mismatched: number;
  /** Pixels compared: the area of the larger width by the larger height. */
  total: number;
  ratio: number;
  sameSize: boolean;
  matches: boolean;
  /** A PNG with the differing pixels in red over a faded copy of the baseline. */
  diff(): Buffer;
}

/** `image` on a transparent canvas of `width` × `height`, top-left aligned. */
function padded(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const canvas = new PNG({ width, height });
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas;
}

/** Compares two PNG files pixel by pixel (see {@link Tolerance}). */
export function comparePng(
  actualPng: Buffer,
  baselinePng: Buffer,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): Comparison {
  const actual = PNG.sync.read(actualPng);
  const baseline = PNG.sync.read(baselinePng);
  const width = Math.max(actual.width, baseline.width);
  const height = Math.max(actual.height, baseline.height);
  const output = new PNG({ width, height });
  const mismatched = pixelmatch(
    padded(baseline, width, height).data,
    padded(actual, width, height).data,
    output.data,
    width,
    height,
    { threshold: tolerance.pixelThreshold },
  );
  const total = width * height;
  const ratio = mismatched / total;
  const sameSize = actual.width === baseline.width && actual.height === baseline.height;
  return {
    mismatched,
    total,
    ratio,
    sameSize,
    matches: sameSize && ratio <= tolerance.maxMismatchRatio,
    diff: () => PNG.sync.write(output),
  };
}
