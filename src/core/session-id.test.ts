import { afterEach, describe, expect, it, vi } from "vitest";
import { AgentRuntimeValidationError } from "./errors";
import { assertSessionId, createSessionId, isValidSessionId } from "./session-id";

afterEach(() => {
  vi.unstubAllGlobals();
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("createSessionId", () => {
  it("makes 36-character random UUIDs the service accepts", () => {
    const ids = Array.from({ length: 500 }, createSessionId);
    expect(new Set(ids).size).toBe(500);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
      expect(isValidSessionId(id)).toBe(true);
    }
  });

  it("falls back to getRandomValues where randomUUID is missing (plain-HTTP pages)", () => {
    const real = globalThis.crypto;
    const getRandomValues = vi.fn(
      <T extends ArrayBufferView>(array: T) => real.getRandomValues(array as never) as T,
    );
    vi.stubGlobal("crypto", { getRandomValues });
    const id = createSessionId();
    expect(id).toMatch(UUID_V4);
    expect(getRandomValues).toHaveBeenCalledTimes(1);
  });

  it("refuses to make an id without a cryptographic random source", () => {
    vi.stubGlobal("crypto", undefined);
    expect(() => createSessionId()).toThrow(AgentRuntimeValidationError);
  });
});

describe("isValidSessionId / assertSessionId", () => {
  it.each([
    ["a".repeat(33), true],
    ["a".repeat(256), true],
    ["a".repeat(32), false],
    ["a".repeat(257), false],
    [`${"a".repeat(33)} `, false],
    [`${"a".repeat(33)}\n`, false],
    [`${"a".repeat(33)}é`, false],
    ["nonce.base64url_HMAC-value~!*'()0123456789", true],
  ])("%j -> %s", (id, valid) => {
    expect(isValidSessionId(id)).toBe(valid);
    if (valid) expect(assertSessionId(id)).toBe(id);
    else expect(() => assertSessionId(id)).toThrow(AgentRuntimeValidationError);
  });

  it("says what was wrong without echoing the value", () => {
    expect(() => assertSessionId(42)).toThrow(/got number/);
    expect(() => assertSessionId("short")).toThrow(/got 5 characters/);
  });
});
