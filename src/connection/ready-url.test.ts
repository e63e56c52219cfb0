import { describe, expect, it } from "vitest";
import { AgentRuntimeProviderError } from "../providers/errors";
import { isUsable, localExpiry, toReadyUrl } from "./ready-url";

const SESSION = "0123456789abcdef0123456789abcdef0123";
const NOW = 1_900_000_000_000;

describe("localExpiry", () => {
  it("trusts expiresAt without issuedAt", () => {
    expect(localExpiry(NOW + 300_000, undefined, NOW)).toBe(NOW + 300_000);
  });

  it("subtracts the minting clock's lead (or adds its lag)", () => {
    expect(localExpiry(NOW + 100_000 + 300_000, NOW + 100_000, NOW)).toBe(NOW + 300_000);
    expect(localExpiry(NOW - 100_000 + 300_000, NOW - 100_000, NOW)).toBe(NOW + 300_000);
  });
});

describe("toReadyUrl", () => {
  const good = {
    url: "wss://host.test/ws?X-Amz-Signature=s3cr3t",
    expiresAt: NOW + 300_000,
    sessionId: SESSION,
  };

  it("accepts a well-formed answer", () => {
    expect(toReadyUrl({ ...good, protocols: ["a", "b"], issuedAt: NOW + 10_000 }, NOW)).toEqual({
      url: good.url,
      protocols: ["a", "b"],
      sessionId: SESSION,
      localExpiresAt: NOW + 290_000,
    });
    expect(toReadyUrl({ ...good, protocols: [] }, NOW).protocols).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["an https URL", { ...good, url: "https://host.test/ws?X-Amz-Signature=s3cr3t" }],
    ["a URL with spaces", { ...good, url: "wss://host.test/ws s3cr3t" }],
    ["protocols that are not strings", { ...good, protocols: [1] }],
    ["an empty protocol", { ...good, protocols: [""] }],
    ["a string expiresAt", { ...good, expiresAt: "soon" }],
    ["an infinite expiresAt", { ...good, expiresAt: Number.POSITIVE_INFINITY }],
    ["a NaN issuedAt", { ...good, issuedAt: Number.NaN }],
    ["a short sessionId", { ...good, sessionId: "short" }],
    ["a missing sessionId", { ...good, sessionId: undefined }],
  ])("refuses %s with invalid-response, never echoing the URL", (_what, answer) => {
    let error: unknown;
    try {
      toReadyUrl(answer, NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgentRuntimeProviderError);
    expect((error as AgentRuntimeProviderError).code).toBe("invalid-response");
    expect((error as Error).message).not.toContain("s3cr3t");
  });
});

describe("isUsable", () => {
  const ready = {
    url: "wss://x",
    protocols: undefined,
    sessionId: SESSION,
    localExpiresAt: NOW + 10_000,
  };

  it("keeps the safety margin in hand", () => {
    expect(isUsable(ready, NOW, 5_000)).toBe(true);
    expect(isUsable(ready, NOW + 5_000, 5_000)).toBe(false);
    expect(isUsable(ready, NOW + 4_999, 5_000)).toBe(true);
  });
});
