import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { dirname, join, relative, resolve } from "node:path";

/** The repository root. */
export const ROOT = resolve(__dirname, "../..");

/** The packages of this repository, as npm publishes them. */
export const PACKAGES = {
  library: { name: "agentcore-react", dir: ROOT },
  emulator: { name: "agentcore-react-emulator", dir: join(ROOT, "packages", "emulator") },
} as const;

/** The fields of a package.json the checks read. */
export interface PackageJson {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Runs a command and returns its stdout; throws with its output when it fails. */
export function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const BUILD_LOCK = join(ROOT, "test-results", ".build-lock");
/** A lock older than this was left by a run that died: taken over. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Runs `work` (typically `npm run build` and `npm pack`) holding a lock on the repository's
 * `dist/`, so two test files building and packing it in parallel workers never see each
 * other's half-written output (the build empties `dist/` first).
 */
export async function withBuildLock<T>(work: () => T): Promise<T> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds both packages as `npm publish` would. Vitest sets `NODE_ENV=test`, under which Vite
 * builds the JSX for `react/jsx-dev-runtime`: the build runs without it, as a release does.
 */
export function buildPackages(): void {
  const { NODE_ENV: _testEnv, ...env } = process.env;
  execFileSync("npm", ["run", "build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
}

/** A package packed with `npm pack` and unpacked into the consumer's node_modules. */
export interface PackedPackage {
  /** Where it is installed in the consumer. */
  dir: string;
  /** Every path in the tarball, relative to the package root. */
  files: string[];
  /** Its package.json as packed. */
  manifest: PackageJson;
}

/**
 * A consumer project, outside the workspace's own node_modules lookups for its two packages:
 * each tarball is unpacked into `node_modules/<name>` (what `npm install <tarball>` puts there,
 * without a registry round trip), and each `bin` is linked into `node_modules/.bin` and made
 * executable, as npm does. Other dependencies resolve from the repository's node_modules.
 */
export function createConsumer(work: string): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "node_modules", ".bin"), { recursive: true });
  writeFileSync(
    join(work, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
}

/** Packs a package (already built) and installs the tarball into the consumer at `work`. */
export function packInto(work: string, pkg: { name: string; dir: string }): PackedPackage {
  const tarball = run("npm", ["pack", "--silent", "--pack-destination", work], pkg.dir)
    .trim()
    .split("\n")
    .pop()!;
  const dir = join(work, "node_modules", pkg.name);
  mkdirSync(dir, { recursive: true });
  run("tar", ["-xzf", join(work, tarball), "-C", dir, "--strip-components=1"], work);
  const files = run("tar", ["-tzf", join(work, tarball)], work)
    .trim()
    .split("\n")
    .map((path) => path.replace(/^package\//, ""));
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
  for (const [command, target] of Object.entries(manifest.bin ?? {})) {
    const file = join(dir, target);
    const link = join(work, "node_modules", ".bin", command);
    chmodSync(file, 0o755);
    symlinkSync(relative(dirname(link), file), link);
  }
  return { dir, files, manifest };
}

/** The JS subpaths of an exports map (not the stylesheet or package.json). */
export function jsSubpaths(manifest: PackageJson): string[] {
  return Object.keys(manifest.exports).filter(
    (key) => !key.endsWith(".css") && !key.endsWith(".json"),
  );
}

/** Every file an exports map points at, by condition (`default` for a plain string). */
export function exportTargets(manifest: PackageJson): Array<{ condition: string; file: string }> {
  return Object.values(manifest.exports).flatMap((target) =>
    typeof target === "string"
      ? [{ condition: "default", file: target }]
      : Object.entries(target).map(([condition, file]) => ({ condition, file })),
  );
}

/** Runs an ES module script in the consumer and returns its stdout. */
export function runModule(work: string, script: string): string {
  return run("node", ["--input-type=module", "-e", script], work);
}
