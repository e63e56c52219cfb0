import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Builds and packs the library as npm would publish it, unpacks it into a consumer folder
// and imports every entry by its public name: this catches a broken exports map or files list.
const root = resolve(__dirname, "../..");
const work = join(root, "test-results", "packed-consumer");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
};

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("the packed package", () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, "node_modules", "agentcore-react"), { recursive: true });
    run("npm", ["run", "build"], root);
    const tarball = run("npm", ["pack", "--silent", "--pack-destination", work], root)
      .trim()
      .split("\n")
      .pop()!;
    run(
      "tar",
      [
        "-xzf",
        join(work, tarball),
        "-C",
        join(work, "node_modules", "agentcore-react"),
        "--strip-components=1",
      ],
      work,
    );
    writeFileSync(
      join(work, "package.json"),
      JSON.stringify({ name: "consumer", type: "module", private: true }),
    );
  }, 120_000);

  const jsEntries = Object.keys(pkg.exports).filter(
    (key) => !key.endsWith(".css") && !key.endsWith(".json"),
  );

  it.each(jsEntries)("resolves and imports %s from a consumer", (subpath) => {
    const specifier = `agentcore-react${subpath.slice(1)}`;
    const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`;
    const keys = JSON.parse(run("node", ["--input-type=module", "-e", script], work)) as string[];
    expect(Array.isArray(keys)).toBe(true);
  });

  it("signs a URL through agentcore-react/signing as installed", () => {
    const script = `
      import { AgentRuntimeClient } from "agentcore-react/signing";
      const client = new AgentRuntimeClient({ region: "us-west-2", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, now: () => 0 });
      console.log(await client.generatePresignedUrl({ runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a", sessionId: "x".repeat(40) }));`;
    const url = run("node", ["--input-type=module", "-e", script], work).trim();
    expect(url).toMatch(
      /^wss:\/\/bedrock-agentcore\.us-west-2\.amazonaws\.com\/runtimes\/arn%3Aaws%3A.*X-Amz-Signature=[0-9a-f]{64}$/,
    );
  });

  it("ships type declarations and the stylesheet named in the exports map", () => {
    for (const target of Object.values(pkg.exports)) {
      const files =
        typeof target === "string" ? [target] : Object.values(target as Record<string, string>);
      for (const file of files) {
        if (file === "./package.json") continue;
        expect(
          () => readFileSync(join(work, "node_modules", "agentcore-react", file)),
          file,
        ).not.toThrow();
      }
    }
  });
});
