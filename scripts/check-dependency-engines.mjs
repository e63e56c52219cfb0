// Checks that no runtime dependency of the library (its `dependencies`, transitively) requires
// a newer Node than the library's own `engines` allows. Run by scripts/test-lowest-node.sh.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import semver from "semver";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lowest = semver.minVersion(manifest.engines.node).version;

// Found the way Node looks a package up (node_modules folders from `from` upwards), not through
// require.resolve("<name>/package.json"): a package whose `exports` leaves out its manifest
// would refuse that.
function manifestOf(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, "node_modules", name, "package.json");
    if (existsSync(path))
      return { path: dirname(path), json: JSON.parse(readFileSync(path, "utf8")) };
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${from})`);
  }
}

const seen = new Map();
const queue = Object.keys(manifest.dependencies ?? {}).map((name) => [name, root]);
while (queue.length > 0) {
  const [name, from] = queue.shift();
  const { path, json } = manifestOf(name, from);
  if (seen.has(path)) continue;
  seen.set(path, json);
  for (const dependency of Object.keys(json.dependencies ?? {})) queue.push([dependency, path]);
}

const tooNew = [...seen.values()].filter(
  (json) => json.engines?.node && !semver.satisfies(lowest, json.engines.node),
);
for (const json of tooNew)
  console.error(`${json.name}@${json.version} needs Node ${json.engines.node}`);
if (tooNew.length > 0) process.exit(1);
console.log(`ok ${seen.size} runtime dependencies all run on Node ${lowest}`);
