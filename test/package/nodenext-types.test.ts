import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGES, ROOT, createConsumer, installTarball, run } from "./packed-consumer";
import { packedTarballs } from "../support/packed-tarballs";

// A Node program on `module: nodenext` (the Vite template's tsconfig.node.json, and most
// servers) resolves the packed declarations as ESM, where a relative import must name its
// file. Each `@ts-expect-error` fails the check if the name it marks has lost its type (an
// unresolved declaration import makes it `any`, which accepts anything).
const work = join(ROOT, "test-results", "nodenext-consumer");

const program = `
import { createPresignHandler, toNodeHandler } from "agentcore-react/server";
import { AgentRuntimeClient } from "agentcore-react/signing";
import { AgentRuntimeConnection, textCodec } from "agentcore-react";
import { startEmulator } from "agentcore-react-emulator";
import { DeliveryAgent } from "agentcore-react/agent";

const handler = createPresignHandler({
  region: "us-west-2",
  runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a",
  authorize: async () => ({ principal: "u" }),
});
export const listener = toNodeHandler(handler);
// @ts-expect-error: the handler takes a Request
void handler(42);
// @ts-expect-error: region is a string
new AgentRuntimeClient({ region: 7 });
// @ts-expect-error: a codec's name is read-only text
export const codecName: number = textCodec.name;
// @ts-expect-error: the connection needs options
new AgentRuntimeConnection();
// @ts-expect-error: startEmulator returns a promise of an emulator, not a string
export const emulator: string = await startEmulator({});
// @ts-expect-error: a session's send returns the envelope's sequence, a number
export const sequence: string = new DeliveryAgent().session("s").send("x");
`;

/** tsc's report for the consumer: empty when the program compiles. */
function typecheck(tsc: string): string {
  try {
    run("node", [tsc, "-p", "."], work);
    return "";
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ""}${stderr ?? ""}`;
  }
}

describe("the packed declarations under module: nodenext", () => {
  beforeAll(async () => {
    createConsumer(work);
    const tarballs = await packedTarballs();
    installTarball(work, PACKAGES.library.name, tarballs.library);
    installTarball(work, PACKAGES.emulator.name, tarballs.emulator);
  }, 300_000);

  it("type every import of a Node program, across the packages' own relative imports", () => {
    writeFileSync(join(work, "server.ts"), program);
    const options = {
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
    };
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({ compilerOptions: options, files: ["server.ts"] }),
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    expect(typecheck(tsc)).toBe("");
  });
});
