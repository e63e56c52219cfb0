// Checks that no runtime dependency of the library (its `dependencies`, transitively) requires
// a newer Node than the library's own `engines` allows. Run by scripts/test-lowest-node.sh.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import semver from "semver";

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lowest = semver.minVersion(manifest.engines.node).version;

function manifestOf(name, from) {
  const path = require.resolve(`${name}/package.json`, { paths: [from] });
  return { path: dirname(path), json: JSON.parse(readFileSync(path, "utf8")) };
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
