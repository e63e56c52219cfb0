import golden from "../fixtures/agentcore-python-sdk.json";
import { runErrorVector, runVector } from "./vector-runner";
import type { VectorEntry } from "./vector-format";

const vectors = golden.vectors as VectorEntry[];
const errors = golden.errors as VectorEntry[];

describe("golden vectors from the Python SDK", () => {
  it("has the 18 entries the SDK produced", () => {
    expect(vectors.length + errors.length).toBe(18);
  });

  it.each(vectors.map((v) => [v.name, v] as const))("%s", async (_name, entry) => {
    const outcome = await runVector(entry);
    expect(outcome.detail).not.toMatch(/differs|threw|missing/);
    expect(outcome.passed).toBe(true);
  });

  it.each(errors.map((v) => [v.name, v] as const))("%s", async (_name, entry) => {
    const outcome = await runErrorVector(entry);
    expect(outcome.passed, outcome.detail).toBe(true);
  });
});
