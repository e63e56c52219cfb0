import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../docs/code-blocks";
import { CREATE_VITE } from "../docs/template-options";
import type { Tarballs } from "../support/packed-tarballs";
import { run } from "../support/processes";
import { readmeFiles, readmeInstalls } from "./readme-steps";

/**
 * Where registry downloads are kept between runs (npm's cache: the create-vite package and
 * every package the app installs), so a rerun installs from disk. `AGENTCORE_NEWCOMER_CACHE`
 * moves it.
 */
export const CACHE_DIR =
  process.env.AGENTCORE_NEWCOMER_CACHE ?? join(homedir(), ".cache", "agentcore-react-newcomer");

/** npm as a newcomer runs it, with the cache above and patience for a slow registry. */
const NPM_FLAGS = [
  `--cache=${join(CACHE_DIR, "npm")}`,
  "--prefer-offline",
  "--no-audit",
  "--no-fund",
  "--fetch-timeout=600000",
  "--fetch-retries=5",
  "--loglevel=error",
];

/** `npm create vite@<version> app -- --template react-ts`, in `work`; returns the app's folder. */
export async function createViteApp(work: string): Promise<string> {
  const { name, version, template } = CREATE_VITE;
  const createVite = `${name.replace(/^create-/, "")}@${version}`;
  await run(
    "npm",
    [
      "create",
      "--yes",
      ...NPM_FLAGS,
      createVite,
      "app",
      "--",
      "--no-interactive",
      "--template",
      template,
    ],
    { cwd: work },
  );
  return join(work, "app");
}

/**
 * The template's own `npm install`, then the README's installs, with this repository's packed
 * packages for `agentcore-react` and `agentcore-react-emulator`, and every other package at the
 * version this repository pins (its tests run against the same).
 */
export async function installAsReadmeSays(app: string, tarballs: Tarballs): Promise<void> {
  await run("npm", ["install", ...NPM_FLAGS], { cwd: app });
  const pinned = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const spec = (name: string) => {
    if (name === "agentcore-react") return tarballs.library;
    if (name === "agentcore-react-emulator") return tarballs.emulator;
    const version = pinned.devDependencies[name];
    if (!version) throw new Error(`README.md installs ${name}, which this repository does not pin`);
    return `${name}@${version}`;
  };
  for (const step of readmeInstalls()) {
    const dev = step.dev ? ["--save-dev"] : [];
    await run("npm", ["install", ...dev, ...NPM_FLAGS, ...step.packages.map(spec)], { cwd: app });
  }
}

/** Writes the README's files into the app, exactly as the README shows them. */
export function writeReadmeFiles(app: string): string[] {
  return readmeFiles().map(({ path, code }) => {
    mkdirSync(dirname(join(app, path)), { recursive: true });
    writeFileSync(join(app, path), code);
    return path;
  });
}
