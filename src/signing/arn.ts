import { AgentRuntimeValidationError } from "../core/errors";

/** The parts of an AgentCore runtime ARN. */
export interface RuntimeArn {
  partition: "aws" | "aws-us-gov";
  region: string;
  accountId: string;
  runtimeId: string;
}

const PARTITIONS: ReadonlyArray<RuntimeArn["partition"]> = ["aws", "aws-us-gov"];

function isPartition(value: string): value is RuntimeArn["partition"] {
  return PARTITIONS.some((partition) => partition === value);
}

/**
 * Parses `arn:{partition}:bedrock-agentcore:{region}:{account}:runtime/{id}` with the SDK's
 * rules and messages: anything else throws {@link AgentRuntimeValidationError}.
 */
export function parseRuntimeArn(runtimeArn: string): RuntimeArn {
  if (typeof runtimeArn !== "string") {
    throw new AgentRuntimeValidationError(`Invalid runtime ARN format: ${String(runtimeArn)}`);
  }
  const invalid = () =>
    new AgentRuntimeValidationError(`Invalid runtime ARN format: ${runtimeArn}`);
  const parts = runtimeArn.split(":");
  if (parts.length !== 6) throw invalid();
  // Exactly six parts, so the defaults never apply; they only give each part the type string.
  const [prefix, partition = "", service, region = "", accountId = "", resource = ""] = parts;
  if (prefix !== "arn" || !isPartition(partition) || service !== "bedrock-agentcore") {
    throw invalid();
  }
  if (!resource.startsWith("runtime/")) throw invalid();
  const runtimeId = resource.slice("runtime/".length);
  if (!region || !accountId || !runtimeId) {
    throw new AgentRuntimeValidationError("ARN components cannot be empty");
  }
  return { partition, region, accountId, runtimeId };
}
