import { AgentRuntimeInvalidRegionError } from "./errors";
import { pythonRepr } from "./python-repr";

// Anchored on both ends with no multiline flag, so a trailing newline cannot slip through.
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Returns the region unchanged, or throws the SDK's `InvalidRegionError` message. */
export function validateRegion(region: unknown): string {
  if (typeof region !== "string" || !REGION_PATTERN.test(region)) {
    throw new AgentRuntimeInvalidRegionError(
      `Invalid AWS region: ${pythonRepr(region)}. Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.`,
    );
  }
  return region;
}

/** The data-plane host of a region, as the SDK builds it. */
export function dataPlaneHost(region: string): string {
  return `bedrock-agentcore.${validateRegion(region)}.amazonaws.com`;
}
