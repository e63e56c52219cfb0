import { resolve } from "node:path";
import { builtinModules } from "node:module";
import { build, type Plugin, type Rollup } from "vite";

const root = resolve(__dirname, "../..");
const FORBIDDEN_IN_MAIN = [/^@aws-sdk\//, /^@smithy\//, /^@aws-crypto\//, /^node:/, /^ws$/];
const builtins = new Set(builtinModules);

interface Graph {
  /** Every import specifier the bundler was asked to resolve, static or dynamic. */
  specifiers: Set<string>;
  /** Every module that ended up in the output. */
  moduleIds: string[];
  chunks: Rollup.OutputChunk[];
}

/**
 * Bundles one entry with vite (rolldown) for the browser, recording every specifier it resolves
 * and every module it includes. `external` lists packages left out as the published build does.
 */
async function bundle(entry: string, external: RegExp[] = []): Promise<Graph> {
  const specifiers = new Set<string>();
  const recorder: Plugin = {
    name: "record-imports",
    enforce: "pre",
    resolveId(source) {
      specifiers.add(source);
      return null;
    },
  };
  const output = (await build({
    configFile: false,
    root,
    logLevel: "silent",
    plugins: [recorder],
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(root, entry), formats: ["es"], fileName: "entry" },
      rollupOptions: { external: (id) => external.some((pattern) => pattern.test(id)) },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const chunks = outputs
    .flatMap((o) => o.output)
    .filter((item): item is Rollup.OutputChunk => item.type === "chunk");
  return { specifiers, moduleIds: chunks.flatMap((chunk) => chunk.moduleIds), chunks };
}

function forbiddenIn(graph: Graph): string[] {
  const bad = [...graph.specifiers].filter(
    (specifier) =>
      FORBIDDEN_IN_MAIN.some((pattern) => pattern.test(specifier)) || builtins.has(specifier),
  );
  const badModules = graph.moduleIds.filter((id) =>
    /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\/|\/src\/(server|emulator)\/|\/src\/signing\/(sigv4|agent-runtime-client)\.ts/.test(
      id,
    ),
  );
  return [...bad, ...badModules];
}

describe("the main entry's import graph", () => {
  it("reaches no AWS SDK, smithy, node: or server module", async () => {
    const graph = await bundle("src/index.ts");
    expect(graph.moduleIds.some((id) => id.endsWith("src/providers/backend-url-provider.ts"))).toBe(
      true,
    );
    expect(
      graph.moduleIds.some((id) => id.endsWith("src/providers/bearer-token-provider.ts")),
    ).toBe(true);
    expect(forbiddenIn(graph)).toEqual([]);
  }, 60_000);

  // The optional peers that load on demand (react-markdown, @ag-ui/proto) are opted into from
  // their own entries: a bundler building an app that imports the main entry must never be
  // asked to resolve them, not even for an `import()` (esbuild, webpack and Vite fail the
  // build when one is not installed). test/package/bundlers.test.ts builds real apps.
  it("never refers to react-markdown, @ag-ui/proto or the markdown module, not even with import()", async () => {
    const graph = await bundle("src/index.ts", [/^react($|-dom|\/)/]);
    const optional = /markdown-text|react-markdown|@ag-ui\/proto/;
    expect([...graph.specifiers].filter((specifier) => optional.test(specifier))).toEqual([]);
    expect(
      graph.moduleIds.filter((id) =>
        /markdown-(text|blocks|guards|components)|proto-codec/.test(id),
      ),
    ).toEqual([]);
    // Only the library's own lazy chunks (the persist keeper) load with import(): no external.
    const ownChunks = new Set(graph.chunks.map((chunk) => chunk.fileName));
    const dynamic = graph.chunks.flatMap((chunk) => chunk.dynamicImports);
    expect(dynamic.filter((file) => !ownChunks.has(file))).toEqual([]);
  }, 60_000);

  it("the markdown entry loads react-markdown with import() only", async () => {
    const graph = await bundle("src/markdown.ts", [/^react($|-dom|\/)/, /^react-markdown$/]);
    const entry = graph.chunks.find((chunk) => chunk.isEntry);
    expect(entry?.imports.filter((id) => id.startsWith("react-markdown"))).toEqual([]);
    expect(entry?.moduleIds.some((id) => id.endsWith("markdown-text.tsx"))).toBe(false);
    const lazy = graph.chunks.find((chunk) =>
      chunk.moduleIds.some((id) => id.endsWith("markdown-text.tsx")),
    );
    expect(lazy?.isDynamicEntry).toBe(true);
    expect(lazy?.imports).toContain("react-markdown");
  }, 60_000);

  it("would notice: the signing entry does pull in smithy", async () => {
    const graph = await bundle("src/signing.ts");
    expect(forbiddenIn(graph).some((entry) => entry.includes("@smithy/"))).toBe(true);
  }, 60_000);

  it("loads the Cognito SDK from the cognito entry only with a dynamic import()", async () => {
    const graph = await bundle("src/cognito.ts", [/^@aws-sdk\//, /^@smithy\//, /^@aws-crypto\//]);
    const entry = graph.chunks.find((chunk) => chunk.isEntry);
    expect(entry).toBeDefined();
    expect(entry?.imports.filter((id) => id.startsWith("@aws-sdk/"))).toEqual([]);
    expect(entry?.dynamicImports).toContain("@aws-sdk/credential-provider-cognito-identity");
  }, 60_000);
});
