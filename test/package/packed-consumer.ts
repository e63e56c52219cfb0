import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

/** Installs a packed tarball into the consumer at `work`, as `npm install <tarball>` would. */
export function installTarball(work: string, name: string, tarball: string): PackedPackage {
  const dir = join(work, "node_modules", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1"], work);
  const files = run("tar", ["-tzf", tarball], work)
    .trim()
    .split("\n")
    .map((path) => path.replace(/^package\//, ""));
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
  for (const [command, target] of Object.entries(manifest.bin ?? {})) {
    const file = join(dir, target);
    const link = join(work, "node_modules", ".bin", command);
    chmodSync(file, 0o755);
    rmSync(link, { force: true });
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
