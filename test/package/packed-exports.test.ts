import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  PACKAGES,
  ROOT,
  createConsumer,
  exportTargets,
  jsSubpaths,
  installTarball,
  run,
  runModule,
  type PackageJson,
  type PackedPackage,
} from "./packed-consumer";
import { packedTarballs } from "../support/packed-tarballs";

// Builds and packs both packages as npm would publish them, installs them into a consumer
// folder and imports every entry by its public name: this catches a broken exports map, files
// list or bin, and the emulator (or ws) leaking back into the library.
const work = join(ROOT, "test-results", "packed-consumer");
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
const sources = {
  library: manifestOf(PACKAGES.library.dir),
  emulator: manifestOf(PACKAGES.emulator.dir),
};
let library: PackedPackage;
let emulator: PackedPackage;

describe("the packed packages", () => {
  beforeAll(async () => {
    createConsumer(work);
    const tarballs = await packedTarballs();
    library = installTarball(work, PACKAGES.library.name, tarballs.library);
    emulator = installTarball(work, PACKAGES.emulator.name, tarballs.emulator);
  }, 300_000);

  const entries = [
    ...jsSubpaths(sources.library).map((subpath) => `agentcore-react${subpath.slice(1)}`),
    ...jsSubpaths(sources.emulator).map((subpath) => `agentcore-react-emulator${subpath.slice(1)}`),
  ];

  it.each(entries)("resolves and imports %s from a consumer", (specifier) => {
    const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`;
    const keys = JSON.parse(runModule(work, script)) as string[];
    expect(keys.length).toBeGreaterThan(0);
  });

  it("signs a URL through agentcore-react/signing as installed", () => {
    const script = `
      import { AgentRuntimeClient } from "agentcore-react/signing";
      const client = new AgentRuntimeClient({ region: "us-west-2", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, now: () => 0 });
      console.log(await client.generatePresignedUrl({ runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a", sessionId: "x".repeat(40) }));`;
    const url = runModule(work, script).trim();
    expect(url).toMatch(
      /^wss:\/\/bedrock-agentcore\.us-west-2\.amazonaws\.com\/runtimes\/arn%3Aaws%3A.*X-Amz-Signature=[0-9a-f]{64}$/,
    );
  });

  it("starts and stops an emulator from agentcore-react-emulator, which accepts the library's URLs", () => {
    const script = `
      import { AgentRuntimeClient } from "agentcore-react/signing";
      import { DEMO_CREDENTIALS, EmulatorOptionsError, startEmulator, verifyPresignedUrl } from "agentcore-react-emulator";
      const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, agent: "streaming" });
      const health = await (await fetch(emulator.httpUrl + "/__emulator/health")).json();
      const client = new AgentRuntimeClient({ region: "us-west-2", credentials: DEMO_CREDENTIALS, endpoint: emulator.url });
      const url = await client.generatePresignedUrl({ runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a" });
      const verdict = await verifyPresignedUrl(url, { credentials: DEMO_CREDENTIALS });
      await emulator.close();
      const refused = await startEmulator({}).catch((error) => error instanceof EmulatorOptionsError);
      console.log(JSON.stringify({ url: emulator.url, health, verified: verdict.ok, refused }));`;
    const result = JSON.parse(runModule(work, script)) as Record<string, unknown>;
    expect(result).toMatchObject({
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/),
      health: { ok: true, region: "us-west-2", openConnections: 0 },
      verified: true,
      refused: true,
    });
  });

  it("runs the agentcore-emulator bin with --help", () => {
    expect(emulator.manifest.bin).toEqual({ "agentcore-emulator": "./dist/cli.js" });
    const help = run(join(work, "node_modules", ".bin", "agentcore-emulator"), ["--help"], work);
    expect(help).toContain("Usage: agentcore-emulator [options]");
  });

  it("keeps the emulator and ws out of agentcore-react", () => {
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
      expect(library.manifest[field] ?? {}, field).not.toHaveProperty("ws");
    }
    expect(library.manifest.bin).toBeUndefined();
    expect(Object.keys(library.manifest.exports)).not.toContain("./emulator");
    expect(library.files.filter((file) => /^dist\/(types\/)?emulator/.test(file))).toEqual([]);
    expect(emulator.manifest.dependencies).toHaveProperty("ws");
  });

  it("keeps no bare import of its own modules, which package.json marks side-effect free", () => {
    // Bundlers drop such an import and warn about it on every app build (esbuild does for a
    // linked or workspace copy of the library).
    const bare = library.files
      .filter((file) => file.endsWith(".js"))
      .filter((file) =>
        /^import\s+["']\.{1,2}\//m.test(readFileSync(join(library.dir, file), "utf8")),
      );
    expect(bare).toEqual([]);
  });

  it("ships the JSX built for react/jsx-runtime, not the development runtime", () => {
    const modules = library.files.filter((file) => file.endsWith(".js"));
    const jsx = modules.filter((file) =>
      readFileSync(join(library.dir, file), "utf8").includes("react/jsx-"),
    );
    expect(jsx.length).toBeGreaterThan(0);
    for (const file of jsx) {
      expect(readFileSync(join(library.dir, file), "utf8"), file).not.toContain("jsx-dev-runtime");
    }
  });

  it("names every entry of its exports map in the shipped README's import table", () => {
    const readme = readFileSync(join(library.dir, "README.md"), "utf8");
    const start = readme.indexOf("| import ");
    const table = readme.slice(start, readme.indexOf("\n\n", start));
    const named = [...table.matchAll(/^\| `([^`]+)` +\|/gm)].map((row) => row[1]);
    const entries = Object.keys(library.manifest.exports)
      .filter((subpath) => subpath !== "./package.json")
      .map((subpath) => `agentcore-react${subpath.slice(1)}`);
    expect(named.sort()).toEqual(entries.sort());
  });

  it.each([
    ["agentcore-react", () => library],
    ["agentcore-react-emulator", () => emulator],
  ])("%s ships the files its exports map names", (_name, packed) => {
    const { dir, files, manifest } = packed();
    for (const { condition, file } of exportTargets(manifest)) {
      if (file === "./package.json") continue;
      if (condition === "agentcore-react-source") {
        // The repository's own condition (TypeScript sources); never shipped, never needed.
        expect(files, file).not.toContain(file.slice(2));
        continue;
      }
      expect(() => readFileSync(join(dir, file)), `${condition}: ${file}`).not.toThrow();
    }
  });
});
