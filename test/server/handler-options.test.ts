import { AgentRuntimeValidationError } from "../../src";
import { createPresignHandler, type PresignHandlerOptions } from "../../src/server";
import { ARN, CREDENTIALS, bearerPrincipal } from "./serve";

const base = { runtimeArn: ARN, authorize: bearerPrincipal, credentials: CREDENTIALS };

function refuses(options: unknown, message: string | RegExp) {
  const create = () => createPresignHandler(options as PresignHandlerOptions);
  expect(create).toThrow(AgentRuntimeValidationError);
  expect(create).toThrow(message);
}

describe("createPresignHandler options", () => {
  it.each([
    ["no options", undefined, "createPresignHandler needs an options object (got undefined)"],
    ["no authorize and no allowAnonymous", { ...base, authorize: undefined }, /needs authorize/],
    ["both runtimeArn and runtimes", { ...base, runtimes: { a: ARN } }, /exactly one/],
    ["neither runtimeArn nor runtimes", { ...base, runtimeArn: undefined }, /exactly one/],
    ["an empty runtimes map", { ...base, runtimeArn: undefined, runtimes: {} }, /at least one/],
    [
      "a bad ARN in runtimes",
      { ...base, runtimeArn: undefined, runtimes: { a: "arn:aws:s3:::b" } },
      /Invalid runtime ARN/,
    ],
    ["expires over 300", { ...base, expires: 301 }, /expires/],
    ["a short session secret", { ...base, sessionSecret: "short" }, /32 bytes/],
    ["a bad sessionIds policy", { ...base, sessionIds: "open" }, /sessionIds/],
    ["a bad rate limit", { ...base, rateLimit: { max: 0, windowMs: 1000 } }, /rateLimit/],
    ["a bad region", { ...base, region: "us-west-2.evil.com" }, /Invalid AWS region/],
    ["a bad endpoint", { ...base, endpoint: "ws://host/path" }, /Invalid endpoint/],
  ])("refuses %s at creation", (_name, options, message) => {
    refuses(options, message);
  });

  it.each([
    [
      "an empty string",
      "",
      "sessionSecret must be at least 32 bytes, e.g. 32 random bytes or a 64-character hex string (got 0 bytes)",
    ],
    [
      "an empty list",
      [],
      "sessionSecret must be a secret or a non-empty list of secrets (got an empty array)",
    ],
    [
      "a number",
      42,
      "sessionSecret must be a string or a Uint8Array of at least 32 bytes (got a number)",
    ],
    [
      "null",
      null,
      "sessionSecret must be a string or a Uint8Array of at least 32 bytes (got null)",
    ],
    ["a list holding a short key", ["k".repeat(32), new Uint8Array(8)], "(got 8 bytes)"],
  ])("refuses a sessionSecret that is %s, without echoing it", (_name, sessionSecret, message) => {
    refuses({ ...base, sessionSecret }, message);
  });

  it("checks sessionSecret under an app session policy too, which would silently ignore it", () => {
    refuses({ ...base, sessionIds: () => null, sessionSecret: [] }, /non-empty list/);
    expect(() =>
      createPresignHandler({ ...base, sessionIds: () => null, sessionSecret: "k".repeat(32) }),
    ).not.toThrow();
  });

  it.each([
    [
      "authorize",
      { ...base, authorize: "alice", allowAnonymous: true },
      "authorize must be a function (got a string)",
    ],
    [
      "allowAnonymous",
      { ...base, allowAnonymous: "yes" },
      "allowAnonymous must be true or false (got a string)",
    ],
    [
      "credentials",
      { ...base, credentials: "AKID:secret" },
      "credentials must be AWS credentials ({ accessKeyId, secretAccessKey }) or a function that returns them (got a string)",
    ],
    [
      "allowedOrigins",
      { ...base, allowedOrigins: "https://app.example.com" },
      "allowedOrigins must be a list of origins or a function (origin) => boolean (got a string)",
    ],
    ["allowedOrigins", { ...base, allowedOrigins: null }, "(got null)"],
    [
      "allowedHeaders",
      { ...base, allowedHeaders: "authorization" },
      "allowedHeaders must be a list of header names (got a string)",
    ],
    [
      "allowedHeaders",
      { ...base, allowedHeaders: ["x-ok", "bad header"] },
      "allowedHeaders must be a list of header names (got an array)",
    ],
    [
      "rateLimit",
      { ...base, rateLimit: null },
      "rateLimit must be an object { max, windowMs } (got null)",
    ],
    [
      "rateLimit",
      { ...base, rateLimit: { max: 1, windowMs: 0 } },
      "rateLimit.windowMs must be a finite number > 0 (got 0)",
    ],
    [
      "preAuthRateLimit",
      { ...base, preAuthRateLimit: { max: 0, windowMs: 1000 } },
      "preAuthRateLimit.max must be a whole number >= 1 (got 0)",
    ],
    [
      "preAuthRateLimit",
      { ...base, preAuthRateLimit: true },
      "preAuthRateLimit must be an object { max, windowMs } (got a boolean)",
    ],
    [
      "maxBodyBytes",
      { ...base, maxBodyBytes: 0 },
      "maxBodyBytes must be a whole number >= 1 (got 0)",
    ],
    [
      "bodyTimeoutMs",
      { ...base, bodyTimeoutMs: 0 },
      "bodyTimeoutMs must be a finite number > 0 (got 0)",
    ],
    [
      "log",
      { ...base, log: "console" },
      "log must be a function (event) => void, or false for no log (got a string)",
    ],
    ["log", { ...base, log: true }, "(got a boolean)"],
    [
      "trustProxy",
      { ...base, trustProxy: true },
      "trustProxy must be false or the number of proxies in front of the server, a whole number from 0 to 32 (got a boolean)",
    ],
    ["trustProxy", { ...base, trustProxy: -1 }, /trustProxy must be false .* \(got -1\)$/],
    ["trustProxy", { ...base, trustProxy: 1.5 }, /\(got 1\.5\)$/],
    ["trustProxy", { ...base, trustProxy: "1" }, /trustProxy .* \(got a string\)$/],
    [
      "clientAddress",
      { ...base, clientAddress: "x-real-ip" },
      "clientAddress must be a function (got a string)",
    ],
    ["now", { ...base, now: 0 }, "now must be a function (got a number)"],
    [
      "expires",
      { ...base, expires: 0 },
      "expires must be a whole number of seconds from 1 to 300 (got 0)",
    ],
    [
      "endpointName",
      { ...base, endpointName: 5 },
      "createPresignHandler endpointName must be a string (got a number)",
    ],
    [
      "runtimes",
      { ...base, runtimeArn: undefined, runtimes: [ARN] },
      "createPresignHandler runtimes must be an object of alias -> runtime ARN or { runtimeArn, endpointName } (got an array)",
    ],
    [
      "runtimes",
      { ...base, runtimeArn: undefined, runtimes: { a: 42 } },
      "createPresignHandler runtimes.a must be a runtime ARN or { runtimeArn: string, endpointName?: string } (got a number)",
    ],
    [
      "runtimes",
      { ...base, runtimeArn: undefined, runtimes: { "": ARN } },
      "Runtime aliases cannot be empty",
    ],
  ])("refuses a %s of the wrong kind: %j", (_name, options, message) => {
    refuses(options, message);
  });
});
