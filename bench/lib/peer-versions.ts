import { readFileSync } from "node:fs";
import { join } from "node:path";

const NODE_MODULES = join(import.meta.dirname, "..", "..", "node_modules");

/** The installed version of each package (from its package.json), for the result files. */
export function installedVersions(packages: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    packages.map((name) => {
      const file = join(NODE_MODULES, name, "package.json");
      const { version } = JSON.parse(readFileSync(file, "utf8")) as { version: string };
      return [name, version];
    }),
  );
}
