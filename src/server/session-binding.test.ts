import fc from "fast-check";
import { isValidSessionId } from "../core/session-id";
import { PresignRefusal } from "./refusal";
import { AgentRuntimeValidationError } from "../core/errors";
import { createSessionBinder, looksBound, type SessionSecret } from "./session-binding";

const SECRET = "0123456789abcdef0123456789abcdef";

async function refusal(promise: Promise<unknown>): Promise<PresignRefusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PresignRefusal);
  return error as PresignRefusal;
}

describe("createSessionBinder", () => {
  const binder = createSessionBinder(SECRET);

  it("turns any provisional id into a valid bound id, deterministically per principal", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: "grapheme-ascii", minLength: 33, maxLength: 256 })
          .filter(isValidSessionId),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        async (provisional, principal, other) => {
          fc.pre(!looksBound(provisional) && principal !== other);
          const bound = await binder.resolve(provisional, principal);
          expect(isValidSessionId(bound)).toBe(true);
          expect(looksBound(bound)).toBe(true);
          expect(await binder.resolve(provisional, principal)).toBe(bound);
          expect(await binder.resolve(bound, principal)).toBe(bound);
          const theirs = await binder.resolve(provisional, other);
          expect(theirs).not.toBe(bound);
          expect((await refusal(binder.resolve(bound, other))).status).toBe(403);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("keeps the principal and nonce apart (no ambiguity from the separator)", async () => {
    const bound = await binder.resolve(undefined, "a");
    const [nonce] = bound.split(".");
    // "a\n" + nonce must not verify as principal "a\n<nonce prefix>" or similar shifts.
    expect((await refusal(binder.resolve(bound, `a\n${nonce}`))).code).toBe("session-forbidden");
    expect((await refusal(binder.resolve(bound, "A"))).code).toBe("session-forbidden");
  });

  it("refuses a bound id whose MAC was altered in any character", async () => {
    const bound = await binder.resolve(undefined, "alice");
    const mac = bound.slice(bound.indexOf(".") + 1);
    for (let i = 0; i < mac.length; i++) {
      const swapped = mac[i] === "A" ? "B" : "A";
      const tampered = `${bound.slice(0, bound.indexOf(".") + 1)}${mac.slice(0, i)}${swapped}${mac.slice(i + 1)}`;
      expect((await refusal(binder.resolve(tampered, "alice"))).status).toBe(403);
    }
  });

  it("binds differently under different secrets", async () => {
    const other = createSessionBinder("fedcba9876543210fedcba9876543210");
    const bound = await binder.resolve(undefined, "alice");
    await refusal(other.resolve(bound, "alice"));
  });

  it("accepts bytes and rotations; the first secret signs", async () => {
    const next = new TextEncoder().encode("a-new-secret-that-is-32-bytes-long!");
    const rotated = createSessionBinder([next, SECRET]);
    const old = await binder.resolve(undefined, "alice");
    expect(await rotated.resolve(old, "alice")).toBe(old);
    const fresh = await rotated.resolve(undefined, "alice");
    await refusal(binder.resolve(fresh, "alice"));
  });

  it("refuses secrets shorter than 32 bytes, an empty list and other kinds", () => {
    const refused = (secrets: unknown, message: string) => {
      const create = () => createSessionBinder(secrets as SessionSecret);
      expect(create).toThrow(AgentRuntimeValidationError);
      expect(create).toThrow(message);
    };
    refused("short", "sessionSecret must be at least 32 bytes");
    refused("short", "(got 5 bytes)");
    refused("", "(got 0 bytes)");
    refused([SECRET, new Uint8Array(8)], "(got 8 bytes)");
    refused(
      [],
      "sessionSecret must be a secret or a non-empty list of secrets (got an empty array)",
    );
    refused(
      [SECRET, 7],
      "sessionSecret must be a string or a Uint8Array of at least 32 bytes (got a number)",
    );
  });

  it("makes a random secret when none is given", async () => {
    const a = createSessionBinder(undefined);
    const b = createSessionBinder(undefined);
    const bound = await a.resolve(undefined, "alice");
    expect(await a.resolve(bound, "alice")).toBe(bound);
    await refusal(b.resolve(bound, "alice"));
  });
});
