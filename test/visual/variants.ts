/**
 * What the visual check renders every story in: each colour scheme at each width. Shared by the
 * browser side (which sets them) and the Node side (which names the files).
 */

export type ColorScheme = "light" | "dark";

/** One rendering of a story: a colour scheme and a viewport. */
export interface VisualVariant {
  scheme: ColorScheme;
  width: number;
  /** The viewport's height; grown to fit a story taller than this. */
  height: number;
}

/** A desktop window and a phone (390 px is a common phone width), each light and dark. */
export const VISUAL_VARIANTS: readonly VisualVariant[] = [
  { scheme: "light", width: 1280, height: 800 },
  { scheme: "dark", width: 1280, height: 800 },
  { scheme: "light", width: 390, height: 844 },
  { scheme: "dark", width: 390, height: 844 },
];

/** The file name (without `.png`) of one story's variant: `<story-id>--<scheme>-<width>`. */
export function screenshotName(storyId: string, variant: VisualVariant): string {
  if (!/^[a-z0-9-]+$/.test(storyId)) throw new Error(`unexpected story id: ${storyId}`);
  return `${storyId}--${variant.scheme}-${variant.width}`;
}
