import golden from "../fixtures/agentcore-python-sdk.json";
import { runErrorVector, runVector } from "./vector-runner";
import type { VectorEntry } from "./vector-format";

const vectors = golden.vectors as VectorEntry[];
const errors = golden.errors as VectorEntry[];

describe("golden vectors in Chromium", () => {
  it("runs in a real browser, not in Node", () => {
    expect(typeof window).toBe("object");
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(
      typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node,
    ).not.toBe("string");
  });

  it.each(vectors.map((v) => [v.name, v] as const))("%s", async (_name, entry) => {
    const outcome = await runVector(entry);
    expect(outcome.passed, outcome.detail).toBe(true);
  });

  it.each(errors.map((v) => [v.name, v] as const))("%s", async (_name, entry) => {
    const outcome = await runErrorVector(entry);
    expect(outcome.passed, outcome.detail).toBe(true);
  });
});
