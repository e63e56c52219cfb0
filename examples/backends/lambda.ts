// handler.ts: the presign backend of an agentcore-react app, as an AWS Lambda function behind
// a Function URL or an API Gateway HTTP API (payload format 2.0). The role's credentials reach
// the handler as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, which it reads.
import { createPresignHandler } from "agentcore-react/server";

/** The fields of a payload format 2.0 event that the handler reads. */
export interface HttpEvent {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  cookies?: string[]; // format 2.0 moves the Cookie header here
  body?: string;
  isBase64Encoded: boolean;
  requestContext: { domainName: string; http: { method: string; sourceIp: string } };
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const runtimeArn = process.env.AGENTCORE_RUNTIME_ARN;
if (!runtimeArn) throw new Error("Set AGENTCORE_RUNTIME_ARN to your agent runtime's ARN");

// A Web Request carries no peer address: the handler notes it here for the rate limits.
const sourceIps = new WeakMap<Request, string>();

const presign = createPresignHandler({
  runtimeArn, // signed for its region (not Lambda's AWS_REGION, which is the function's)
  endpoint: process.env.AGENTCORE_ENDPOINT, // the local emulator's ws:// URL; unset for AWS
  // DEMO ONLY: the cookie demo_user=<name> signs you in as <name>. Replace it with your own
  // sign-in: read your session cookie or verify your access token, return the user's id.
  authorize: (request) => {
    const user = /(?:^|;\s*)demo_user=(\w+)/.exec(request.headers.get("cookie") ?? "")?.[1];
    return user ? { principal: user } : null; // null -> 401
  },
  // Every instance must share it: set it (e.g. from Secrets Manager), >= 32 bytes.
  sessionSecret: process.env.AGENT_SESSION_SECRET,
  // Counted per instance; docs/server.md shows a store all instances share (Redis, DynamoDB).
  rateLimit: { max: 30, windowMs: 60_000 },
  clientAddress: (request) => sourceIps.get(request),
  // The app's origins (comma-separated) if its pages are served from another origin. Keep
  // CORS here or in the Function URL's settings, not both.
  allowedOrigins: process.env.ALLOWED_ORIGINS?.split(","),
});

export async function handler(event: HttpEvent): Promise<HttpResult> {
  const { domainName, http } = event.requestContext;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  if (event.cookies?.length) headers.set("cookie", event.cookies.join("; "));
  const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
  const body =
    event.body === undefined || http.method === "GET" || http.method === "HEAD"
      ? undefined
      : Buffer.from(event.body, event.isBase64Encoded ? "base64" : "utf8");
  const request = new Request(`https://${domainName}${event.rawPath}${query}`, {
    method: http.method,
    headers,
    body,
  });
  sourceIps.set(request, http.sourceIp);
  const response = await presign(request);
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}
