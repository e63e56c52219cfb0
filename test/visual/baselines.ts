import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { comparePng, DEFAULT_TOLERANCE, type Tolerance } from "./compare.ts";

/** Where the committed baselines and each run's screenshots live, relative to the repository. */
export const BASELINE_DIR = "test/visual/baselines";
export const RESULTS_DIR = "test-results/visual";

/** How a run treats baselines, from the environment. */
export interface VisualMode {
  /** `ACR_VISUAL_UPDATE=1`: every screenshot becomes the new baseline. */
  update: boolean;
  /** On CI a missing baseline fails; elsewhere it is created from the screenshot. */
  ci: boolean;
}

export function visualModeFromEnv(env: NodeJS.ProcessEnv = process.env): VisualMode {
  const on = (value: string | undefined) => Boolean(value) && value !== "0" && value !== "false";
  return { update: env.ACR_VISUAL_UPDATE === "1", ci: on(env.CI) };
}

/** What became of one screenshot. */
export interface CheckResult {
  status: "match" | "mismatch" | "missing" | "created" | "updated";
  /** Failed the check: a mismatch, or a missing baseline on CI. */
  failed: boolean;
  message: string;
}

export interface CheckInput {
  root: string;
  /** `<story-id>--<scheme>-<width>` */
  name: string;
  png: Buffer;
  mode: VisualMode;
  tolerance?: Tolerance;
}

const UPDATE_HINT =
  "Create or refresh baselines with `npm run test:visual:update` (ACR_VISUAL_UPDATE=1), look at them, and commit them.";

const percent = (ratio: number) => `${(ratio * 100).toFixed(3)} %`;

/**
 * Saves the screenshot under test-results/visual/, compares it with its baseline, and on a
 * mismatch saves the diff beside it. Creates or replaces the baseline when the mode says so.
 */
export async function checkScreenshot(input: CheckInput): Promise<CheckResult> {
  const { root, name, png, mode } = input;
  const baselinePath = join(root, BASELINE_DIR, `${name}.png`);
  const actualPath = join(root, RESULTS_DIR, `${name}.png`);
  const diffPath = join(root, RESULTS_DIR, `${name}.diff.png`);
  const shown = (path: string) => relative(root, path);
  await mkdir(join(root, RESULTS_DIR), { recursive: true });
  await writeFile(actualPath, png);
  await rm(diffPath, { force: true });

  const exists = existsSync(baselinePath);
  if (mode.update || (!exists && !mode.ci)) {
    await mkdir(join(root, BASELINE_DIR), { recursive: true });
    await writeFile(baselinePath, png);
    // "created" is news (a new story's first run); in update mode every baseline is rewritten.
    const status = mode.update ? "updated" : "created";
    return { status, failed: false, message: `${status} ${shown(baselinePath)}` };
  }
  if (!exists) {
    const message = `no baseline ${shown(baselinePath)} (screenshot: ${shown(actualPath)}). ${UPDATE_HINT}`;
    return { status: "missing", failed: true, message };
  }
  const baseline = await readFile(baselinePath);
  // Chromium encodes the same pixels to the same bytes: most screenshots match without decoding.
  if (baseline.equals(png)) return { status: "match", failed: false, message: "identical" };
  const comparison = comparePng(png, baseline, input.tolerance);
  if (comparison.matches) {
    return { status: "match", failed: false, message: `${percent(comparison.ratio)} differ` };
  }
  await writeFile(diffPath, comparison.diff());
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  const size = comparison.sameSize ? "" : " (the size changed)";
  const message =
    `${percent(comparison.ratio)} of pixels differ${size}, ${comparison.mismatched} of ` +
    `${comparison.total}; allowed ${percent(tolerance.maxMismatchRatio)}. ` +
    `Baseline: ${shown(baselinePath)}, screenshot: ${shown(actualPath)}, diff: ${shown(diffPath)}. ` +
    `If the change is intended: ${UPDATE_HINT}`;
  return { status: "mismatch", failed: true, message };
}
