import { describe, expect, it } from "vitest";
import type { DemoConfig } from "../../examples/src/demo-config";
import { readSettings, settingsSearch } from "../../examples/src/settings";

const emulatorConfig = {
  emulator: { url: "ws://127.0.0.1:1", controlUrl: "", bearerToken: "t" },
} as DemoConfig;
const awsConfig = { emulator: null } as DemoConfig;

describe("demo settings", () => {
  it("reads the auth path and URL lifetime from the query string, and writes them back", () => {
    const settings = readSettings("?auth=bearer&ttl=15", emulatorConfig);
    expect(settings).toEqual({ auth: "bearer", urlTtlSeconds: 15 });
    expect(settingsSearch(settings)).toBe("?auth=bearer&ttl=15");
    expect(settingsSearch(readSettings("", emulatorConfig))).toBe("");
  });

  it("falls back to the defaults for anything unusable", () => {
    expect(readSettings("?auth=bearer", awsConfig)).toEqual({
      auth: "presigned",
      urlTtlSeconds: null,
    });
    for (const ttl of ["0", "301", "1.5", "soon"])
      expect(readSettings(`?ttl=${ttl}`, emulatorConfig).urlTtlSeconds).toBeNull();
  });
});
