import { decodeComponent } from "./uri-encoding";

/** The parts of a runtime ARN, as far as the emulator needs them. */
export interface RuntimeArnParts {
  partition: string;
  region: string;
  accountId: string;
  runtimeId: string;
}

/** Why a request path does not name a runtime stream: 404 (another path) or 400 (a bad ARN). */
export type RuntimePathResult =
  | { ok: true; runtimeArn: string; arn: RuntimeArnParts }
  | { ok: false; status: 400 | 404; reason: string };

const PATH_PATTERN = /^\/runtimes\/([^/]+)\/ws$/;
const ARN_PATTERN =
  /^arn:(aws|aws-us-gov):bedrock-agentcore:([a-z0-9-]+):([0-9]+):runtime\/([^:/\s]+)$/;

/**
 * Reads `/runtimes/{percent-encoded runtime ARN}/ws`, the runtime's WebSocket path. The ARN is
 * decoded once and must be `arn:{aws|aws-us-gov}:bedrock-agentcore:{region}:{account}:runtime/{id}`.
 */
export function parseRuntimePath(rawPath: string): RuntimePathResult {
  const match = PATH_PATTERN.exec(rawPath);
  if (!match) {
    return {
      ok: false,
      status: 404,
      reason: "no route: expected /runtimes/{url-encoded runtime ARN}/ws",
    };
  }
  const runtimeArn = decodeComponent(match[1] ?? "");
  if (runtimeArn === undefined) {
    return {
      ok: false,
      status: 400,
      reason: "the runtime ARN in the path has a malformed percent-escape",
    };
  }
  const arn = ARN_PATTERN.exec(runtimeArn);
  if (!arn) {
    return { ok: false, status: 400, reason: `invalid runtime ARN ${JSON.stringify(runtimeArn)}` };
  }
  // The pattern guarantees all four groups.
  const [, partition = "", region = "", accountId = "", runtimeId = ""] = arn;
  return { ok: true, runtimeArn, arn: { partition, region, accountId, runtimeId } };
}
