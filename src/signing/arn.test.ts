import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError, parseRuntimeArn } from "../signing";
import { ARN } from "./test-utils/client-fixtures";

describe("parseRuntimeArn", () => {
  it("splits a commercial and a GovCloud ARN", () => {
    expect(parseRuntimeArn(ARN)).toEqual({
      partition: "aws",
      region: "us-west-2",
      accountId: "123456789012",
      runtimeId: "my_agent-AbCdEf1234",
    });
    expect(
      parseRuntimeArn("arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:1:runtime/x").partition,
    ).toBe("aws-us-gov");
  });

  it.each([
    [
      "arn:aws-cn:bedrock-agentcore:cn-north-1:1:runtime/x",
      "Invalid runtime ARN format: arn:aws-cn:bedrock-agentcore:cn-north-1:1:runtime/x",
    ],
    [
      "arn:aws:bedrock-agentcore:us-west-2:1:runtime/a:b",
      "Invalid runtime ARN format: arn:aws:bedrock-agentcore:us-west-2:1:runtime/a:b",
    ],
    ["arn:aws:bedrock-agentcore::1:runtime/x", "ARN components cannot be empty"],
    ["arn:aws:bedrock-agentcore:us-west-2::runtime/x", "ARN components cannot be empty"],
  ])("refuses %s with the SDK's message", (arn, message) => {
    expect(() => parseRuntimeArn(arn)).toThrow(new AgentRuntimeValidationError(message));
  });
});
