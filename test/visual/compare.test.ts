import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { BASELINE_DIR, checkScreenshot, RESULTS_DIR, visualModeFromEnv } from "./baselines.ts";
import { comparePng } from "./compare.ts";

type Rgb = [number, number, number];

/** A `width` × `height` PNG filled with `fill`, with `patch` drawn over its top-left corner. */
function image(width: number, height: number, fill: Rgb, patch?: { size: number; color: Rgb }) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inPatch = patch !== undefined && x < patch.size && y < patch.size;
      const [r, g, b] = inPatch ? patch.color : fill;
      png.data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

describe("comparePng", () => {
  it("matches identical images", () => {
    const result = comparePng(image(100, 100, WHITE), image(100, 100, WHITE));
    expect(result).toMatchObject({ mismatched: 0, ratio: 0, sameSize: true, matches: true });
  });

  it("ignores a colour change below the per-pixel threshold", () => {
    const result = comparePng(image(50, 50, [250, 250, 250]), image(50, 50, WHITE));
    expect(result.mismatched).toBe(0);
  });

  it("tolerates a few differing pixels, up to 0.2 % of the image", () => {
    // A 4 × 4 patch on 100 × 100: 16 pixels, 0.16 %.
    const result = comparePng(
      image(100, 100, WHITE, { size: 4, color: BLACK }),
      image(100, 100, WHITE),
    );
    expect(result.mismatched).toBeGreaterThan(0);
    expect(result.ratio).toBeLessThanOrEqual(0.002);
    expect(result.matches).toBe(true);
  });

  it("fails beyond the allowed ratio and draws the difference in red", () => {
    const result = comparePng(
      image(100, 100, WHITE, { size: 10, color: BLACK }),
      image(100, 100, WHITE),
    );
    expect(result.matches).toBe(false);
    expect(result.ratio).toBeCloseTo(0.01, 2);
    const diff = PNG.sync.read(result.diff());
    expect([...diff.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
  });

  it("fails when the size changed, counting the area only one image covers", () => {
    const result = comparePng(image(100, 110, WHITE), image(100, 100, WHITE));
    expect(result).toMatchObject({ sameSize: false, matches: false, total: 100 * 110 });
    expect(result.mismatched).toBe(100 * 10);
  });
});

describe("visualModeFromEnv", () => {
  it("reads ACR_VISUAL_UPDATE=1 and CI", () => {
    expect(visualModeFromEnv({})).toEqual({ update: false, ci: false });
    expect(visualModeFromEnv({ ACR_VISUAL_UPDATE: "1", CI: "true" })).toEqual({
      update: true,
      ci: true,
    });
    expect(visualModeFromEnv({ CI: "false" }).ci).toBe(false);
  });
});

describe("checkScreenshot", () => {
  let root: string;
  const name = "story--light-1280";
  const baseline = () => join(root, BASELINE_DIR, `${name}.png`);
  const actual = () => join(root, RESULTS_DIR, `${name}.png`);
  const diff = () => join(root, RESULTS_DIR, `${name}.diff.png`);
  const local = { update: false, ci: false };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "acr-visual-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function writeBaseline(png: Buffer) {
    await mkdir(join(root, BASELINE_DIR), { recursive: true });
    await writeFile(baseline(), png);
  }

  it("saves every screenshot under test-results/visual/ and passes a match", async () => {
    const png = image(20, 20, WHITE);
    await writeBaseline(png);
    const result = await checkScreenshot({ root, name, png, mode: local });
    expect(result).toMatchObject({ status: "match", failed: false });
    expect(await readFile(actual())).toEqual(png);
    expect(existsSync(diff())).toBe(false);
  });

  it("fails a mismatch naming the ratio and the three files, and saves the diff", async () => {
    await writeBaseline(image(20, 20, WHITE));
    const result = await checkScreenshot({ root, name, png: image(20, 20, BLACK), mode: local });
    expect(result).toMatchObject({ status: "mismatch", failed: true });
    expect(result.message).toContain("100.000 % of pixels differ");
    expect(result.message).toContain(`${BASELINE_DIR}/${name}.png`);
    expect(result.message).toContain(`${RESULTS_DIR}/${name}.png`);
    expect(result.message).toContain(`${RESULTS_DIR}/${name}.diff.png`);
    expect(result.message).toContain("npm run test:visual:update");
    expect(existsSync(diff())).toBe(true);
  });

  it("removes the diff of an earlier run once the screenshot matches again", async () => {
    await writeBaseline(image(20, 20, WHITE));
    await checkScreenshot({ root, name, png: image(20, 20, BLACK), mode: local });
    await checkScreenshot({ root, name, png: image(20, 20, WHITE), mode: local });
    expect(existsSync(diff())).toBe(false);
  });

  it("fails on CI without a baseline, saying how to create one", async () => {
    const result = await checkScreenshot({
      root,
      name,
      png: image(20, 20, WHITE),
      mode: { update: false, ci: true },
    });
    expect(result).toMatchObject({ status: "missing", failed: true });
    expect(result.message).toContain("npm run test:visual:update");
    expect(existsSync(baseline())).toBe(false);
  });

  it("creates a missing baseline off CI, and rewrites baselines in update mode", async () => {
    const first = image(20, 20, WHITE);
    expect(await checkScreenshot({ root, name, png: first, mode: local })).toMatchObject({
      status: "created",
      failed: false,
    });
    expect(await readFile(baseline())).toEqual(first);
    const second = image(20, 20, BLACK);
    const updated = await checkScreenshot({
      root,
      name,
      png: second,
      mode: { update: true, ci: true },
    });
    expect(updated).toMatchObject({ status: "updated", failed: false });
    expect(await readFile(baseline())).toEqual(second);
  });
});
