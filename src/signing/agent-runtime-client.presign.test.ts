import { describe, expect, it } from "vitest";
import {
  AgentRuntimeClient,
  AgentRuntimeCredentialsError,
  AgentRuntimeValidationError,
} from "../signing";
import { ARN, KEYS, NOW, SESSION, client, expectedSignature } from "./test-utils/client-fixtures";

describe("generatePresignedUrl", () => {
  it("targets an emulator endpoint, signing the bare hostname as the SDK does", async () => {
    const url = await client({ endpoint: "ws://127.0.0.1:8787" }).generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
    });
    expect(url.startsWith("ws://127.0.0.1:8787/runtimes/arn%3Aaws%3A")).toBe(true);
    expect(new URL(url).searchParams.get("X-Amz-Signature")).toBe(
      await expectedSignature(url, "127.0.0.1"),
    );
  });

  it("reports the session id, signing time and expiry", async () => {
    const presigned = await client().presign({ runtimeArn: ARN, sessionId: SESSION, expires: 60 });
    expect(presigned).toMatchObject({ sessionId: SESSION, signedAt: NOW, expiresAt: NOW + 60_000 });
  });

  it("generates a fresh random session id when none is given", async () => {
    const c = new AgentRuntimeClient({ region: "us-west-2", credentials: KEYS });
    const a = await c.presign({ runtimeArn: ARN });
    const b = await c.presign({ runtimeArn: ARN });
    expect(a.sessionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(new URL(a.url).searchParams.get("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).toBe(
      a.sessionId,
    );
  });

  it("treats custom params given as pairs and as an object alike, in the caller's order", async () => {
    const asObject = await client().generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
      customParams: { b: "2", a: "1 (x)!*'" },
    });
    const asPairs = await client().generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
      customParams: [
        ["b", "2"],
        ["a", "1 (x)!*'"],
      ],
    });
    expect(asPairs).toBe(asObject);
    expect(asObject).toContain(
      "?b=2&a=1%20%28x%29%21%2A%27&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=",
    );
    expect(new URL(asObject).searchParams.get("X-Amz-Signature")).toBe(
      await expectedSignature(asObject, "bedrock-agentcore.us-west-2.amazonaws.com"),
    );
  });

  it.each([
    [{ "X-Amz-Date": "1" }, "reserved for SigV4"],
    [{ "x-amz-signature": "1" }, "reserved for SigV4"],
    [{ "": "1" }, "cannot be empty"],
    [{ ok: { nested: 1 } as unknown as string }, "must be a string"],
    [{ bad: "\ud800" }, "lone UTF-16 surrogate"],
  ])("refuses the custom params %j with a typed error", async (customParams, message) => {
    await expect(
      client().generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION, customParams }),
    ).rejects.toThrow(
      expect.objectContaining({
        name: "AgentRuntimeValidationError",
        message: expect.stringContaining(message),
      }),
    );
  });

  it.each([-1, 1.5, Number.NaN])("refuses expires %s", async (expires) => {
    await expect(
      client().generatePresignedUrl({ runtimeArn: ARN, expires }),
    ).rejects.toBeInstanceOf(AgentRuntimeValidationError);
  });

  it("checks expires before the ARN, as the SDK does", async () => {
    await expect(
      client().generatePresignedUrl({ runtimeArn: "bad", expires: 301 }),
    ).rejects.toThrow("Expiry timeout cannot exceed 300 seconds, got 301");
  });

  it("resolves a credentials provider on every call, so rotation works", async () => {
    let calls = 0;
    const c = client({
      credentials: async () => ({ ...KEYS, accessKeyId: `AKID${++calls}` }),
    });
    const first = await c.generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION });
    const second = await c.generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION });
    expect(new URL(first).searchParams.get("X-Amz-Credential")).toMatch(/^AKID1\//);
    expect(new URL(second).searchParams.get("X-Amz-Credential")).toMatch(/^AKID2\//);
  });

  it("wraps a failing credentials provider in a typed error that keeps the cause", async () => {
    const cause = new Error("network down");
    const c = client({ credentials: async () => Promise.reject(cause) });
    const error = await c.generatePresignedUrl({ runtimeArn: ARN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRuntimeCredentialsError);
    expect((error as Error).message).toBe("Could not resolve AWS credentials: network down");
    expect((error as Error).cause).toBe(cause);
  });

  it.each([null, undefined, { accessKeyId: "", secretAccessKey: "x" }])(
    "refuses missing credentials (%j) with the SDK's message",
    async (credentials) => {
      await expect(
        client({ credentials: credentials as never }).generatePresignedUrl({ runtimeArn: ARN }),
      ).rejects.toThrow(new AgentRuntimeCredentialsError("No AWS credentials found"));
    },
  );
});
