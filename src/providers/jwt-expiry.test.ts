import fc from "fast-check";
import { jwtExpiry } from "./jwt-expiry";

function base64Url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function jwt(payload: unknown): string {
  return `${base64Url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${base64Url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
}

describe("jwtExpiry", () => {
  it("reads exp from the payload", () => {
    expect(jwtExpiry(jwt({ sub: "user", exp: 1_900_000_000 }))).toBe(1_900_000_000);
  });

  it("reads a payload with non-ASCII claims and base64url characters", () => {
    expect(jwtExpiry(jwt({ name: "Zoë ~~~???>>>", exp: 1_800_000_000 }))).toBe(1_800_000_000);
  });

  it.each([
    ["an opaque token", "opaque-access-token"],
    ["two segments", "a.b"],
    ["four segments", `${jwt({ exp: 1 })}.x`],
    ["a payload that is not base64url", "a.b+c/d=.e"],
    ["a payload that is not JSON", `a.${base64Url("not json")}.c`],
    ["a payload that is not UTF-8", `a.${Buffer.from([0xff, 0xfe]).toString("base64url")}.c`],
    ["a JSON array payload", `a.${base64Url("[1]")}.c`],
    ["no exp", jwt({ sub: "x" })],
    ["exp as a string", jwt({ exp: "1900000000" })],
    ["a negative exp", jwt({ exp: -5 })],
    ["an impossible length", "a.abcde.c"],
  ])("gives undefined for %s", (_name, token) => {
    expect(jwtExpiry(token)).toBeUndefined();
  });

  it("never throws, whatever the token", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const result = jwtExpiry(`${a}.${b}.${c}`);
        expect(result === undefined || (Number.isFinite(result) && result > 0)).toBe(true);
      }),
    );
  });

  it("round-trips any positive exp", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.string(), (exp, sub) => {
        expect(jwtExpiry(jwt({ sub, exp }))).toBe(exp);
      }),
    );
  });
});
