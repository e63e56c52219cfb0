import type { AwsCredentials } from "../../signing/credentials";
import { createCredentialsCache } from "./credentials-cache";

describe("createCredentialsCache", () => {
  let now = 0;
  const clock = () => now;

  function source(lifetimeMs: number | undefined) {
    let issued = 0;
    const fetch = vi.fn(async (): Promise<AwsCredentials> => {
      issued += 1;
      return {
        accessKeyId: `AKID${issued}`,
        secretAccessKey: "secret",
        expiration: lifetimeMs === undefined ? undefined : new Date(now + lifetimeMs),
      };
    });
    return fetch;
  }

  beforeEach(() => {
    now = 1_000_000;
  });

  it("reuses credentials until the refresh margin before expiration", async () => {
    const fetch = source(3_600_000);
    const get = createCredentialsCache(fetch, { refreshMarginMs: 300_000, now: clock });
    expect((await get()).accessKeyId).toBe("AKID1");
    now += 3_300_000 - 1;
    expect((await get()).accessKeyId).toBe("AKID1");
    now += 1;
    expect((await get()).accessKeyId).toBe("AKID2");
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("shares one fetch between concurrent callers", async () => {
    const fetch = source(3_600_000);
    const get = createCredentialsCache(fetch, { refreshMarginMs: 0, now: clock });
    const results = await Promise.all([get(), get(), get()]);
    expect(results.map((c) => c.accessKeyId)).toEqual(["AKID1", "AKID1", "AKID1"]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("does not remember a failure", async () => {
    const fetch = vi
      .fn<() => Promise<AwsCredentials>>()
      .mockRejectedValueOnce(new Error("throttled"))
      .mockResolvedValueOnce({
        accessKeyId: "A",
        secretAccessKey: "s",
        expiration: new Date(now + 60_000),
      });
    const get = createCredentialsCache(fetch, { refreshMarginMs: 0, now: clock });
    await expect(get()).rejects.toThrow("throttled");
    expect((await get()).accessKeyId).toBe("A");
    expect((await get()).accessKeyId).toBe("A");
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("never reuses credentials without an expiration", async () => {
    const fetch = source(undefined);
    const get = createCredentialsCache(fetch, { refreshMarginMs: 0, now: clock });
    await get();
    await get();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
