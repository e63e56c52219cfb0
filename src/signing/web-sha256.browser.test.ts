import { Sha256 } from "@aws-crypto/sha256-js";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebCryptoSha256 } from "./web-sha256";

async function reference(chunks: Uint8Array[], secret?: string | Uint8Array): Promise<Uint8Array> {
  const hash = new Sha256(secret);
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest();
}

async function ours(chunks: Uint8Array[], secret?: string | Uint8Array): Promise<Uint8Array> {
  const hash = new WebCryptoSha256(secret);
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest();
}

const chunks = fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 5 });
const secret = fc.option(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 100 })), {
  nil: undefined,
});

// In Chromium, where the signer hashes through Web Crypto (Node uses sha256-js itself).
describe("WebCryptoSha256", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("computes the bytes @aws-crypto/sha256-js computes, hash and HMAC", async () => {
    expect(globalThis.crypto.subtle).toBeDefined();
    await fc.assert(
      fc.asyncProperty(chunks, secret, async (data, key) => {
        expect(await ours(data, key)).toEqual(await reference(data, key));
      }),
      { numRuns: 100 },
    );
  });

  it("starts over after reset()", async () => {
    const hash = new WebCryptoSha256("key");
    hash.update(new Uint8Array([1, 2, 3]));
    hash.reset();
    hash.update(new Uint8Array([4]));
    expect(await hash.digest()).toEqual(await reference([new Uint8Array([4])], "key"));
  });

  it("computes the same bytes without Web Crypto (a plain-HTTP page), through sha256-js", async () => {
    vi.stubGlobal("crypto", {});
    const data = [new TextEncoder().encode("AWS4-HMAC-SHA256")];
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await ours(data, "AWS4secret")).toEqual(await reference(data, "AWS4secret"));
    expect(await ours(data)).toEqual(await reference(data));
  });
});
