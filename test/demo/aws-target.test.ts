import { describe, expect, it } from "vitest";
import { awsTargetFromEnvironment } from "../../examples/server/aws-target";
import { DemoStartError } from "../../examples/server/errors";

const ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-AbC123";
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" };

function refusal(env: Record<string, string>): DemoStartError {
  try {
    awsTargetFromEnvironment(env);
  } catch (error) {
    if (error instanceof DemoStartError) return error;
    throw error;
  }
  throw new Error("expected a DemoStartError");
}

describe("awsTargetFromEnvironment", () => {
  it("is null (emulator mode) without AGENTCORE_RUNTIME_ARN, whatever else is set", () => {
    expect(awsTargetFromEnvironment({})).toBeNull();
    expect(awsTargetFromEnvironment({ AWS_REGION: "us-east-1", ...CREDENTIALS })).toBeNull();
    expect(awsTargetFromEnvironment({ AGENTCORE_RUNTIME_ARN: "  " })).toBeNull();
  });

  it("reads the runtime, the region and an optional endpoint name", () => {
    expect(
      awsTargetFromEnvironment({
        AGENTCORE_RUNTIME_ARN: ARN,
        AWS_REGION: "us-east-1",
        ...CREDENTIALS,
      }),
    ).toEqual({
      runtimeArn: ARN,
      region: "us-east-1",
    });
    expect(
      awsTargetFromEnvironment({
        AGENTCORE_RUNTIME_ARN: ARN,
        AWS_DEFAULT_REGION: "us-east-1",
        AGENTCORE_ENDPOINT_NAME: "prod",
        ...CREDENTIALS,
      }),
    ).toEqual({ runtimeArn: ARN, region: "us-east-1", endpointName: "prod" });
  });

  it.each([
    [{ AGENTCORE_RUNTIME_ARN: ARN, ...CREDENTIALS }, "AWS_REGION is not"],
    [
      { AGENTCORE_RUNTIME_ARN: "arn:aws:s3:::bucket", AWS_REGION: "us-east-1", ...CREDENTIALS },
      "is not a runtime ARN",
    ],
    [
      { AGENTCORE_RUNTIME_ARN: ARN, AWS_REGION: "eu-west-1", ...CREDENTIALS },
      "AWS_REGION is eu-west-1 but the runtime ARN is in us-east-1",
    ],
    [{ AGENTCORE_RUNTIME_ARN: ARN, AWS_REGION: "us-east-1" }, "AWS_ACCESS_KEY_ID"],
    [
      { AGENTCORE_RUNTIME_ARN: ARN, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "AKID" },
      "AWS_SECRET_ACCESS_KEY",
    ],
  ])("explains a half-configured environment (%j)", (env, message) => {
    const error = refusal(env);
    expect(error.code).toBe("config");
    expect(error.message).toContain(message);
  });

  it("never echoes a secret in its messages", () => {
    const error = refusal({
      AGENTCORE_RUNTIME_ARN: ARN,
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "AKID",
      AWS_SECRET_ACCESS_KEY: "very-secret-value",
    });
    expect(error.message).not.toContain("very-secret-value");
  });
});
