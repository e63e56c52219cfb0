import golden from "../fixtures/agentcore-python-sdk.json";
import { AgentRuntimeClient } from "../../src/signing";
import { parseOrderedJson } from "./ordered-json";
import { runErrorVector, runVector, runVectorFile } from "./vector-runner";
import type { VectorEntry } from "./vector-format";

const presigned = golden.vectors[3] as VectorEntry; // custom params + session token

describe("the vector runner", () => {
  it("fails an entry with an unknown method instead of skipping it", async () => {
    const outcome = await runVector({ ...presigned, method: "generate_something_else" });
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toContain("unknown method");
  });

  it("fails an entry with a missing field", async () => {
    const { runtime_arn: _dropped, ...input } = presigned.input!;
    const outcome = await runVector({ ...presigned, input });
    expect(outcome).toMatchObject({
      passed: false,
      detail: expect.stringContaining("missing input.runtime_arn"),
    });
  });

  it("shows both canonical requests when a signature differs", async () => {
    const url = presigned.output!.url!.replace(
      /X-Amz-Signature=[0-9a-f]+/,
      `X-Amz-Signature=${"0".repeat(64)}`,
    );
    const outcome = await runVector({ ...presigned, output: { url } });
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toContain("our canonical request:");
    expect(outcome.detail).toContain(presigned.debug!.canonical_request!);
  });

  it("fails an error entry whose message differs", async () => {
    const entry = golden.errors[0] as VectorEntry;
    const outcome = await runErrorVector({
      ...entry,
      error: { ...entry.error, message: "something else" },
    });
    expect(outcome.passed).toBe(false);
  });

  it("fails a header vector when one header differs, ignoring the handshake headers", async () => {
    const entry = golden.vectors[7] as VectorEntry;
    const headers = {
      ...entry.output!.headers!,
      "Sec-WebSocket-Key": "other",
      "User-Agent": "other/1.0",
    };
    const outcome = await runVector({ ...entry, output: { ...entry.output, headers } });
    expect(outcome).toMatchObject({ passed: false, detail: expect.stringContaining("User-Agent") });
  });

  it("signs custom params in source order, even integer-like keys", async () => {
    const client = new AgentRuntimeClient({
      region: "us-west-2",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      now: () => Date.UTC(2025, 0, 1),
    });
    const sessionId = "s".repeat(40);
    const runtimeArn = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a";
    const url = await client.generatePresignedUrl({
      runtimeArn,
      sessionId,
      customParams: [
        ["b", "1"],
        ["2", "2"],
      ],
    });
    // Written out by hand: a JS object literal would already move "2" ahead of "b".
    const input = `{"region":"us-west-2","runtime_arn":"${runtimeArn}","session_id":"${sessionId}",
      "credentials":{"accessKeyId":"AKIDEXAMPLE","secretAccessKey":"secret"},"now":"2025-01-01T00:00:00Z",
      "custom_headers":{"b":"1","2":"2"}}`;
    const file = parseOrderedJson(
      `{"vectors":[{"name":"ordered","method":"generate_presigned_url","input":${input},"output":{"url":"${url}"}}]}`,
    );
    const [outcome] = await runVectorFile(file as never);
    expect(outcome).toMatchObject({ passed: true });
  });
});
