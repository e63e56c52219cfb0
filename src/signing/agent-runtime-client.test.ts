import { describe, expect, it } from "vitest";
import {
  AgentRuntimeClient,
  AgentRuntimeInvalidRegionError,
  AgentRuntimeValidationError,
} from "../signing";
import { ARN, KEYS, SESSION, client } from "./test-utils/client-fixtures";

describe("AgentRuntimeClient construction", () => {
  it.each([
    [
      "us-west-2\n",
      "Invalid AWS region: 'us-west-2\\n'. Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.",
    ],
    [
      "x@attacker.com:443/#",
      "Invalid AWS region: 'x@attacker.com:443/#'. Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.",
    ],
    [
      "it's-1",
      `Invalid AWS region: "it's-1". Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.`,
    ],
  ])("refuses the region %j like the SDK", (region, message) => {
    const make = () => new AgentRuntimeClient({ region, credentials: KEYS });
    expect(make).toThrow(AgentRuntimeInvalidRegionError);
    expect(make).toThrow(AgentRuntimeValidationError);
    expect(make).toThrow(message);
  });

  it.each([
    "ftp://localhost",
    "ws://localhost:1/path",
    "ws://user:pw@localhost",
    "not a url",
    "ws://h/?q=1",
  ])("refuses the endpoint %s", (endpoint) => {
    expect(() => client({ endpoint })).toThrow(AgentRuntimeValidationError);
  });

  it.each([
    [undefined, "AgentRuntimeClient needs an options object (got undefined)"],
    [{ region: "us-west-2", now: 5 }, "now must be a function (got a number)"],
    [{ region: "us-west-2", randomUUID: "x" }, "randomUUID must be a function (got a string)"],
  ])("refuses the options %j", (options, message) => {
    const make = () => new AgentRuntimeClient(options as never);
    expect(make).toThrow(AgentRuntimeValidationError);
    expect(make).toThrow(message);
  });
});

describe("per-call arguments", () => {
  it.each([
    [{ sessionId: 42 }, "sessionId must be a string (got a number)"],
    [{ endpointName: ["DEFAULT"] }, "endpointName must be a string (got an array)"],
    [
      { customParams: "a=1" },
      "Custom query parameters must be an object or a list of [name, value] pairs (got a string)",
    ],
    [
      { customParams: ["ab"] },
      "Each custom query parameter must be a [name, value] pair (got a string)",
    ],
    [
      { customParams: [["a", "1", "2"]] },
      "Each custom query parameter must be a [name, value] pair (got an array)",
    ],
  ])("refuses %j with a typed error", async (extra, message) => {
    const call = client().generatePresignedUrl({ runtimeArn: ARN, ...(extra as object) });
    await expect(call).rejects.toThrow(new AgentRuntimeValidationError(message));
  });

  it("takes null for the optional ones, as the SDK takes None", async () => {
    const presigned = await client({ randomUUID: () => SESSION }).presign({
      runtimeArn: ARN,
      sessionId: null as never,
      endpointName: null as never,
      customParams: null as never,
    });
    expect(presigned.sessionId).toBe(SESSION);
    expect(presigned.url).not.toContain("qualifier");
  });

  it("refuses a missing options object and a bearer token that is not a string", async () => {
    await expect(client().generateWsConnection(undefined as never)).rejects.toThrow(
      new AgentRuntimeValidationError(
        "generateWsConnection needs an options object (got undefined)",
      ),
    );
    await expect(
      client().generateWsConnectionOAuth({ runtimeArn: ARN, bearerToken: 42 as never }),
    ).rejects.toThrow(
      new AgentRuntimeValidationError("Bearer token must be a string (got a number)"),
    );
  });
});

describe("generateWsConnection", () => {
  it("signs the Host with its port for an emulator endpoint", async () => {
    const { url, headers } = await client({ endpoint: "ws://localhost:9000" }).generateWsConnection(
      {
        runtimeArn: ARN,
        sessionId: SESSION,
        endpointName: "DEFAULT",
      },
    );
    expect(url).toBe(
      `ws://localhost:9000/runtimes/${encodeURIComponent(ARN)}/ws?qualifier=DEFAULT`,
    );
    expect(headers.Host).toBe("localhost:9000");
    expect(headers.Authorization).toContain("SignedHeaders=host;x-amz-date,");
    expect(Object.keys(headers)).toEqual([
      "Host",
      "X-Amz-Date",
      "Authorization",
      "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id",
      "User-Agent",
    ]);
  });

  it("refuses a session id that cannot travel in a header", async () => {
    await expect(
      client().generateWsConnection({ runtimeArn: ARN, sessionId: `${SESSION}\r\nX: y` }),
    ).rejects.toThrow(AgentRuntimeValidationError);
  });
});

describe("generateWsConnectionOAuth", () => {
  it("needs no AWS credentials", async () => {
    const { headers } = await client({ credentials: null }).generateWsConnectionOAuth({
      runtimeArn: ARN,
      bearerToken: "token",
      sessionId: SESSION,
    });
    expect(headers.Authorization).toBe("Bearer token");
  });

  it("refuses a token that cannot travel in a header", async () => {
    await expect(
      client().generateWsConnectionOAuth({ runtimeArn: ARN, bearerToken: "a\nb" }),
    ).rejects.toBeInstanceOf(AgentRuntimeValidationError);
  });
});
