import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { defineConfig } from "vite";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies?: Record<string, string>;
};

const dependencies = Object.keys(pkg.dependencies ?? {});

/** Node built-ins and the package's dependencies stay imports; everything else is bundled. */
function isExternal(id: string): boolean {
  if (id.startsWith("node:") || builtinModules.includes(id)) return true;
  return dependencies.some((name) => id === name || id.startsWith(`${name}/`));
}

/** Entry points of the published package: the API (`exports["."]`) and the `bin`. */
export const emulatorEntries: Record<string, string> = {
  index: "src/index.ts",
  cli: "src/cli.ts",
};

export default defineConfig({
  build: {
    target: "node20",
    ssr: true,
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    lib: {
      entry: emulatorEntries,
      formats: ["es"],
    },
    rollupOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
        banner: (chunk) =>
          chunk.facadeModuleId?.endsWith("/src/cli.ts") ? "#!/usr/bin/env node" : "",
      },
    },
  },
});
