import { parseRuntimeArn } from "../../src/signing/arn";
import { DemoStartError } from "./errors";

/** The real AgentCore runtime the demo talks to instead of the emulator. */
export interface AwsTarget {
  runtimeArn: string;
  region: string;
  /** The runtime endpoint (qualifier), from `AGENTCORE_ENDPOINT_NAME`. */
  endpointName?: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads real-service mode from the environment: `AGENTCORE_RUNTIME_ARN` and `AWS_REGION` (or
 * `AWS_DEFAULT_REGION`), plus credentials in `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`
 * (`AWS_SESSION_TOKEN` for temporary ones). Without `AGENTCORE_RUNTIME_ARN` the demo runs on
 * the emulator and this returns `null`.
 *
 * @throws {DemoStartError} (`config`) for a half-configured environment, with what is missing.
 */
export function awsTargetFromEnvironment(env: Environment): AwsTarget | null {
  const runtimeArn = env.AGENTCORE_RUNTIME_ARN?.trim();
  if (!runtimeArn) return null;
  const region = (env.AWS_REGION ?? env.AWS_DEFAULT_REGION)?.trim();
  if (!region) {
    throw configError(
      "AGENTCORE_RUNTIME_ARN is set but AWS_REGION is not. Set AWS_REGION to the runtime's region " +
        "(or unset AGENTCORE_RUNTIME_ARN to use the local emulator).",
    );
  }
  let arnRegion: string;
  try {
    arnRegion = parseRuntimeArn(runtimeArn).region;
  } catch (error) {
    throw configError(
      `AGENTCORE_RUNTIME_ARN is not a runtime ARN (${(error as Error).message}). ` +
        "It looks like arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbC123.",
    );
  }
  if (arnRegion !== region) {
    throw configError(
      `AWS_REGION is ${region} but the runtime ARN is in ${arnRegion}; they must match.`,
    );
  }
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) {
    throw configError(
      "Real-service mode signs with AWS credentials from AWS_ACCESS_KEY_ID and " +
        "AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary ones), and they are not set. " +
        'With the AWS CLI: eval "$(aws configure export-credentials --format env)".',
    );
  }
  const endpointName = env.AGENTCORE_ENDPOINT_NAME?.trim();
  return endpointName ? { runtimeArn, region, endpointName } : { runtimeArn, region };
}

function configError(message: string): DemoStartError {
  return new DemoStartError(message, { code: "config" });
}
