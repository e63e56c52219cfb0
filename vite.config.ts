import { readFileSync, existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { transform } from "esbuild";
import { defineConfig, type Plugin } from "vite";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
];

function isExternal(id: string): boolean {
  if (id.startsWith("node:") || builtinModules.includes(id)) return true;
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * Ships the default theme as `dist/styles.css` without pulling a CSS pipeline into the JS entries.
 * Minified: its comments document the source, and apps that import the file as-is should not pay
 * for them (about a third of its gzip size).
 */
function emitStylesheet(): Plugin {
  const source = "src/react/styles.css";
  return {
    name: "agentcore-emit-stylesheet",
    async generateBundle() {
      if (!existsSync(source)) return;
      const { code } = await transform(readFileSync(source, "utf8"), {
        loader: "css",
        minify: true,
      });
      this.emitFile({ type: "asset", fileName: "styles.css", source: code });
    },
  };
}

/**
 * Inlining an imported constant leaves a bare `import "./x.js"` behind in the importing module,
 * which apps' bundlers drop with a warning (package.json marks the JS side-effect free). This
 * blanks those statements with spaces of the same length, so the source maps stay exact.
 */
function blankBareImports(): Plugin {
  const bareImport = /^import\s+["']\.{1,2}\/[^"']+\.js["'];?$/gm;
  return {
    name: "agentcore-blank-bare-imports",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        chunk.code = chunk.code.replace(bareImport, (statement) => " ".repeat(statement.length));
      }
    },
  };
}

/** Entry points of the published package; keep in sync with the `exports` map. */
export const libraryEntries: Record<string, string> = {
  index: "src/index.ts",
  signing: "src/signing.ts",
  cognito: "src/cognito.ts",
  server: "src/server.ts",
  agent: "src/agent.ts",
  delivery: "src/delivery.ts",
  persist: "src/persist.ts",
  voice: "src/voice.ts",
  markdown: "src/markdown.ts",
  attachments: "src/attachments.ts",
  "ag-ui-proto": "src/ag-ui-proto.ts",
  "assistant-ui": "src/assistant-ui.ts",
  "ag-ui": "src/ag-ui.ts",
  "ai-sdk": "src/ai-sdk.ts",
};

export default defineConfig({
  plugins: [emitStylesheet(), blankBareImports()],
  build: {
    target: "es2022",
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    lib: {
      entry: libraryEntries,
      formats: ["es"],
    },
    rollupOptions: {
      external: isExternal,
      onwarn(warning, warn) {
        // With one output file per module, each React module keeps its own "use client".
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      output: {
        // One output file per source module, so apps' bundlers drop every unused module whole
        // (package.json marks all JS as side-effect free).
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
      },
    },
  },
});
