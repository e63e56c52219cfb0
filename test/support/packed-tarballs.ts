import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The repository root. */
const ROOT = resolve(__dirname, "../..");

/** The two packages this repository publishes, packed with `npm pack`. */
export interface Tarballs {
  /** `agentcore-react`. */
  readonly library: string;
  /** `agentcore-react-emulator`. */
  readonly emulator: string;
}

/** Never copied into the build: installs, outputs, caches. */
const NOT_SOURCES = new Set([
  "node_modules",
  "dist",
  ".git",
  "test-results",
  "coverage",
  "storybook-static",
  ".code-blocks",
]);
/** Copied but never part of a package: a change here needs no new build. */
const NOT_PACKED = new Set(["test", "stories", "bench", "examples", ".storybook", ".ci", "docs"]);

const CACHE = join(ROOT, "test-results", "packed");
const LOCK = join(CACHE, ".lock");
/** A lock older than this was left by a run that died: taken over. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Both packages built and packed as `npm publish` would, once per change of their sources:
 * the packaging tests (exports, bundlers, a newcomer's app) share one build instead of making
 * three. The build runs in a copy of the working tree that shares this repository's
 * node_modules, so the repository's own `dist/` is never rewritten under a running test.
 * Parallel test files wait on a lock; the result is cached under `test-results/packed/`, keyed
 * by a hash of every file that can end up in a package.
 */
export async function packedTarballs(): Promise<Tarballs> {
  const key = sourceFingerprint();
  const dir = join(CACHE, key);
  const manifest = join(dir, "tarballs.json");
  return withLock(async () => {
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")) as Tarballs;
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const names = await buildAndPack(building);
    // Builds of older sources are of no more use.
    for (const stale of readdirSync(CACHE)) {
      const path = join(CACHE, stale);
      if (path !== building && path !== LOCK) rmSync(path, { recursive: true, force: true });
    }
    renameSync(building, dir);
    const tarballs = { library: join(dir, names.library), emulator: join(dir, names.emulator) };
    writeFileSync(manifest, JSON.stringify(tarballs));
    return tarballs;
  });
}

async function buildAndPack(out: string): Promise<Tarballs> {
  const source = join(out, "source");
  copySources(ROOT, source);
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
  // Vitest sets NODE_ENV=test, under which Vite builds JSX for react/jsx-dev-runtime; a
  // release is built without it.
  const { NODE_ENV: _test, ...env } = process.env;
  await execFileAsync("npm", ["run", "build"], { cwd: source, env, maxBuffer: 64 << 20 });
  const pack = async (dir: string) => {
    const { stdout } = await execFileAsync("npm", ["pack", "--silent", "--pack-destination", out], {
      cwd: dir,
      env,
    });
    return stdout.trim().split("\n").pop() ?? "";
  };
  const library = await pack(source);
  const emulator = await pack(join(source, "packages", "emulator"));
  rmSync(source, { recursive: true, force: true });
  return { library, emulator };
}

function copySources(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (NOT_SOURCES.has(entry.name)) continue;
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) copySources(source, target);
    else if (entry.isFile()) writeFileSync(target, readFileSync(source));
  }
}

/** A hash of the path and bytes of every file that can end up in a package. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (NOT_SOURCES.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (dir === ROOT && NOT_PACKED.has(entry.name)) continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile())
        hash.update(relative(ROOT, path)).update("\0").update(readFileSync(path));
    }
  };
  visit(ROOT);
  return hash.digest("hex").slice(0, 16);
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
