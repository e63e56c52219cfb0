import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { AgentRuntimeProviderError } from "./errors";
import { signedHeadersProvider } from "./signed-headers-provider";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-abc123";
const SESSION = "session-0123456789-0123456789-0123456789";
const KEYS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const NOW = Date.UTC(2030, 0, 1);

describe("signedHeadersProvider", () => {
  it("signs the session id into SigV4 headers, reused for five minutes", async () => {
    const provider = signedHeadersProvider({ runtimeArn: ARN, credentials: KEYS, now: () => NOW });
    const signal = new AbortController().signal;
    const connection = await provider({ sessionId: SESSION, signal, attempt: 0 });
    expect(connection.sessionId).toBe(SESSION);
    expect(connection.headers?.Authorization).toContain("Credential=AKIDEXAMPLE/");
    expect(connection.expiresAt).toBe(NOW + 300_000);
  });

  it("rejects per call with a provider error when the credentials fail", async () => {
    const provider = signedHeadersProvider({
      runtimeArn: ARN,
      credentials: () => Promise.reject(new Error("expired")),
    });
    const signal = new AbortController().signal;
    await expect(provider({ sessionId: SESSION, signal, attempt: 0 })).rejects.toMatchObject({
      name: AgentRuntimeProviderError.name,
      code: "credentials",
    });
  });

  it.each([
    ["no options", undefined, "signedHeadersProvider needs an options object (got undefined)"],
    [
      "a bad ARN, even with a region",
      { region: "us-west-2", runtimeArn: "arn:aws:s3:::b", credentials: KEYS },
      "Invalid runtime ARN format: arn:aws:s3:::b",
    ],
    [
      "credentials given as a string",
      { runtimeArn: ARN, credentials: "AKID" },
      "signedHeadersProvider credentials must be AWS credentials ({ accessKeyId, secretAccessKey }) or a function that returns them (got a string)",
    ],
    [
      "a now that is not a function",
      { runtimeArn: ARN, credentials: KEYS, now: NOW },
      "signedHeadersProvider now must be a function (got a number)",
    ],
    [
      "an endpointName that is not a string",
      { runtimeArn: ARN, credentials: KEYS, endpointName: 1 },
      "signedHeadersProvider endpointName must be a string (got a number)",
    ],
  ])("refuses %s at creation", (_name, options, message) => {
    expect(() => signedHeadersProvider(options as never)).toThrow(
      new AgentRuntimeValidationError(message),
    );
  });
});
