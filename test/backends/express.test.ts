import { readFileSync } from "node:fs";
import { theBlock } from "../docs/code-blocks";
import { describeHttpBackend } from "./http-backend-suite";

const EXAMPLE = new URL("../../examples/backends/express.ts", import.meta.url);

// examples/backends/express.ts (README's backend, verbatim), run as `npx tsx server.ts` runs it.
describe("the Express backend example", () => {
  it("is README's backend, verbatim", () => {
    const block = theBlock("README.md", "the Express backend (server.ts)", (candidate) =>
      candidate.code.startsWith(
        "// server.ts: the presign backend of an agentcore-react app, on Express.",
      ),
    );
    expect(block.code).toBe(readFileSync(EXAMPLE, "utf8"));
  });

  describeHttpBackend("express.ts");
});
