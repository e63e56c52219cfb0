import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RollupLog } from "rollup";
import type { Stats } from "webpack";
import { packedTarballs } from "../support/packed-tarballs";
import { PACKAGES, ROOT, installTarball, run } from "./packed-consumer";

// Builds a small app on the packed library with the bundlers apps use (esbuild, Rollup with
// node-resolve and commonjs, webpack 5, Vite), as a newcomer installs it: react, react-dom and
// the library's own dependencies, with and without the optional peer react-markdown. The main
// entry must build without it (before, `import("react-markdown")` behind `<AgentChat>` failed
// every bundler but Rollup, which left a bare import the browser cannot load); the app that
// opts into `agentcore-react/markdown` builds once it is installed, with react-markdown in a
// chunk of its own that only the chat's first answer loads.
//
// The consumers live outside the repository, so nothing resolves from its node_modules. Their
// third-party packages are installed once per set of versions and kept in the temp folder
// (`npm install --prefer-offline`, quick with npm's cache); the library is packed and unpacked
// into them afresh on every run.

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;
const pinned = (name: string) => `${name}@${manifest.devDependencies[name]}`;
/** What `npm install agentcore-react react-dom` installs: no optional peer. */
const BASE = [
  pinned("react"),
  pinned("react-dom"),
  ...Object.entries(manifest.dependencies).map(([name, version]) => `${name}@${version}`),
];
const CONSUMERS = {
  "without react-markdown": BASE,
  "with react-markdown": [...BASE, pinned("react-markdown")],
};
type ConsumerName = keyof typeof CONSUMERS;

/** A string only react-markdown's own code holds (its changelog's address, in an error). */
const REACT_MARKDOWN_CODE = "remarkjs/react-markdown";

const render = (element: string) => `
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { AgentChat, backendUrlProvider } from "agentcore-react";
${element.includes("markdown") ? 'import { markdown } from "agentcore-react/markdown";\n' : ""}
const urlProvider = backendUrlProvider({ endpoint: "/api/agent-url" });
createRoot(document.getElementById("root")).render(${element});
`;
const APPS = {
  main: render("createElement(AgentChat, { urlProvider })"),
  markdown: render("createElement(AgentChat, { urlProvider, markdown })"),
};
type AppName = keyof typeof APPS;

/** Installs a consumer's packages unless an earlier run did; returns its folder. */
function installConsumer(packages: readonly string[]): string {
  const key = createHash("sha256").update(JSON.stringify(packages)).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), `agentcore-react-bundlers-${key}`);
  const stamp = join(dir, ".installed");
  if (!existsSync(stamp)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
    const flags = ["--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"];
    run("npm", ["install", ...flags, "--loglevel=error", ...packages], dir);
    writeFileSync(stamp, packages.join("\n"));
  }
  return dir;
}

type Bundle = (dir: string, entry: string, outDir: string) => Promise<void>;

const esbuild: Bundle = async (dir, entry, outDir) => {
  const { build } = await import("esbuild");
  await build({
    absWorkingDir: dir,
    entryPoints: { app: entry },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    outdir: outDir,
    logLevel: "silent",
  });
};

/** Rollup leaves an import it cannot resolve in the output with a warning: an error here. */
const rollup: Bundle = async (_dir, entry, outDir) => {
  const { rollup: bundle } = await import("rollup");
  const { nodeResolve } = await import("@rollup/plugin-node-resolve");
  const { default: commonjs } = await import("@rollup/plugin-commonjs");
  const unresolved: string[] = [];
  const output = await bundle({
    input: { app: entry },
    plugins: [nodeResolve({ browser: true }), commonjs()],
    onwarn: (warning: RollupLog) => {
      if (warning.code === "UNRESOLVED_IMPORT") unresolved.push(warning.message);
    },
  });
  await output.write({ dir: outDir, format: "es" });
  await output.close();
  if (unresolved.length > 0) throw new Error(unresolved.join("\n"));
};

const webpack: Bundle = async (dir, entry, outDir) => {
  const { default: compile } = await import("webpack");
  const compiler = compile({
    mode: "production",
    context: dir,
    entry: { app: entry },
    output: { path: outDir, filename: "[name].js" },
    optimization: { minimize: false },
    devtool: false,
    infrastructureLogging: { level: "none" },
  });
  const stats = await new Promise<Stats | undefined>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats?.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
};

const vite: Bundle = async (dir, entry, outDir) => {
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: dir,
    logLevel: "silent",
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { input: { app: entry }, output: { entryFileNames: "[name].js" } },
    },
  });
};

const BUNDLERS = { esbuild, rollup, webpack, vite } satisfies Record<string, Bundle>;

/** The JavaScript files a build wrote, by path relative to its output folder. */
function outputFiles(outDir: string): Map<string, string> {
  const files = readdirSync(outDir, { recursive: true, encoding: "utf8" });
  return new Map(
    files
      .filter((file) => file.endsWith(".js"))
      .map((file) => [file, readFileSync(join(outDir, file), "utf8")]),
  );
}

const consumers = new Map<ConsumerName, string>();

/** Builds `app` in `consumer` with `bundler`; returns the files it wrote. */
async function buildApp(bundler: keyof typeof BUNDLERS, consumer: ConsumerName, app: AppName) {
  const dir = consumers.get(consumer)!;
  const entry = join(dir, `${app}.js`);
  const outDir = join(dir, "out", `${bundler}-${app}`);
  rmSync(outDir, { recursive: true, force: true });
  await BUNDLERS[bundler](dir, entry, outDir);
  return outputFiles(outDir);
}

describe("a small app on the packed library, built with each bundler", () => {
  beforeAll(async () => {
    for (const [name, packages] of Object.entries(CONSUMERS)) {
      const dir = installConsumer(packages);
      rmSync(join(dir, "node_modules", PACKAGES.library.name), { recursive: true, force: true });
      for (const [app, source] of Object.entries(APPS))
        writeFileSync(join(dir, `${app}.js`), source);
      consumers.set(name as ConsumerName, dir);
    }
    const { library } = await packedTarballs();
    for (const dir of consumers.values()) installTarball(dir, PACKAGES.library.name, library);
  }, 600_000);

  describe.each(Object.keys(BUNDLERS) as Array<keyof typeof BUNDLERS>)("%s", (bundler) => {
    it.each(Object.keys(CONSUMERS) as ConsumerName[])(
      "builds the app importing AgentChat and backendUrlProvider, %s installed, leaving it out",
      async (consumer) => {
        const files = await buildApp(bundler, consumer, "main");
        const code = [...files.values()].join("\n");
        expect(code).toContain("acr-chat");
        expect(code).toContain("/api/agent-url");
        expect(code).not.toContain(REACT_MARKDOWN_CODE);
      },
      120_000,
    );

    it("builds the app importing agentcore-react/markdown with react-markdown installed, in a lazy chunk", async () => {
      const files = await buildApp(bundler, "with react-markdown", "markdown");
      expect(files.get("app.js")).toContain("acr-chat");
      expect(files.get("app.js")).not.toContain(REACT_MARKDOWN_CODE);
      const chunks = [...files].filter(([, code]) => code.includes(REACT_MARKDOWN_CODE));
      expect(chunks.map(([file]) => file)).toHaveLength(1);
    }, 120_000);

    if (bundler === "vite") {
      // Vite resolves a missing optional peer (the library declares react-markdown as one) to a
      // module that throws when loaded: the build passes, and the chat shows plain text.
      it("builds that app without react-markdown, with a stub that throws in its place", async () => {
        const files = await buildApp(bundler, "without react-markdown", "markdown");
        const code = [...files.values()].join("\n");
        expect(code).not.toContain(REACT_MARKDOWN_CODE);
        expect(code).toContain('Could not resolve "react-markdown" imported by "agentcore-react"');
      }, 120_000);
    } else {
      it("fails to build that app without react-markdown, naming it", async () => {
        await expect(buildApp(bundler, "without react-markdown", "markdown")).rejects.toThrow(
          /react-markdown/,
        );
      }, 120_000);
    }
  });
});
