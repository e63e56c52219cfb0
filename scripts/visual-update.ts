/**
 * `npm run test:visual:update`: rewrites the visual check's baselines from the stories as they
 * look now. Without arguments it starts from an empty test/visual/baselines/ (so a renamed or
 * removed story leaves no stale baseline behind) and runs every story; with arguments (story
 * files, `-t <name>`) it runs only those and rewrites only their baselines. Look at the new
 * images (`git diff --stat`, an image viewer) before committing them.
 */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BASELINE_DIR } from "../test/visual/baselines.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
if (args.length === 0) await rm(join(ROOT, BASELINE_DIR), { recursive: true, force: true });

const child = spawn("npx", ["vitest", "run", "--project", "storybook", ...args], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, ACR_VISUAL_UPDATE: "1" },
});
child.on("close", (code) => {
  if (code === 0) console.log(`Baselines written to ${BASELINE_DIR}/.`);
  process.exit(code ?? 1);
});
