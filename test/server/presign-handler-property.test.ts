import fc from "fast-check";
import { createPresignHandler } from "../../src/server";
import { ARN, CREDENTIALS, SECRET, bearerPrincipal } from "./serve";

describe("createPresignHandler on arbitrary bodies", () => {
  it("answers 200 or a 4xx with an error code, never 500, and mints only for 200", async () => {
    let mints = 0;
    const handler = createPresignHandler({
      runtimes: { support: ARN },
      authorize: bearerPrincipal,
      credentials: async () => {
        mints += 1;
        return CREDENTIALS;
      },
      sessionSecret: SECRET,
      expires: 120,
    });
    const odd = fc.oneof(
      fc.constantFrom(ARN, "__proto__", "constructor", ""),
      fc.string({ maxLength: 300 }),
      fc.double(),
      fc.jsonValue(),
    );
    const runtime = fc.oneof({ arbitrary: fc.constant("support"), weight: 4 }, odd);
    const sessionId = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 33, maxLength: 80 }), weight: 2 },
      odd,
    );
    const expires = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      fc.integer({ min: -5, max: 400 }),
      odd,
    );
    const body = fc.oneof(
      {
        arbitrary: fc.record({ sessionId, runtime, expires }, { requiredKeys: ["runtime"] }),
        weight: 4,
      },
      fc.jsonValue(),
      fc.string({ maxLength: 200 }),
    );
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const before = mints;
        const response = await handler(
          new Request("https://app.example.com/api/agent-url", {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: "Bearer alice" },
            body: typeof value === "string" ? value : JSON.stringify(value ?? null),
          }),
        );
        const answer = (await response.json()) as { error?: { code: string }; sessionId?: string };
        if (response.status === 200) {
          successes += 1;
          expect(mints - before).toBe(1);
          expect(answer.sessionId).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
        } else {
          expect([400, 403, 413]).toContain(response.status);
          expect(typeof answer.error?.code).toBe("string");
          expect(mints - before).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach the signing path often enough to mean something.
    expect(successes).toBeGreaterThan(30);
  });
});
