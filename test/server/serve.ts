import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  createPresignHandler,
  toNodeHandler,
  type PresignHandlerOptions,
  type PresignLogEvent,
} from "../../src/server";

export const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/support_agent-a1B2c3";
export const OTHER_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/billing-x9";
export const CREDENTIALS = {
  accessKeyId: "AKIAHANDLERTEST",
  secretAccessKey: "handler/secret+key/EXAMPLE0000000000000000",
  sessionToken: "handler-session-token/+=",
};
export const SECRET = "a-test-session-secret-of-at-least-32-bytes!";

/** A running handler on loopback, with what it did. */
export interface Served {
  url: string;
  /** Times the handler resolved credentials, i.e. URLs it started to mint. */
  mints: () => number;
  logs: PresignLogEvent[];
  close: () => Promise<void>;
}

/** Test authorization: `Authorization: Bearer <principal>`. */
export function bearerPrincipal(request: Request) {
  const match = /^Bearer (\w+)$/.exec(request.headers.get("authorization") ?? "");
  return match ? { principal: match[1] as string } : null;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves `createPresignHandler(options)` through `toNodeHandler` on 127.0.0.1, port 0. */
export async function serve(
  options: Partial<PresignHandlerOptions> = {},
  wrap: (listener: Listener) => Listener = (listener) => listener,
): Promise<Served> {
  let mints = 0;
  const logs: PresignLogEvent[] = [];
  const handler = createPresignHandler({
    runtimeArn: options.runtimes ? undefined : ARN,
    authorize: bearerPrincipal,
    credentials: async () => {
      mints += 1;
      return CREDENTIALS;
    },
    sessionSecret: SECRET,
    log: (event) => logs.push(event),
    ...options,
  });
  const listener = toNodeHandler(handler);
  const server = createServer(wrap((req, res) => void listener(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/agent-url`,
    mints: () => mints,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs JSON as user `principal` (or anonymously with `null`). */
export function post(
  url: string,
  body: unknown,
  principal: string | null = "alice",
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(principal ? { Authorization: `Bearer ${principal}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** What {@link postFrom} got back. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * POSTs JSON over `node:http` from a chosen loopback address (`127.0.0.2`, ...), so that one
 * test can be several clients: Linux routes all of 127.0.0.0/8 to the loopback interface.
 */
export function postFrom(
  url: string,
  body: unknown,
  options: { localAddress?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<RawAnswer> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? "POST",
        localAddress: options.localAddress,
        agent: false,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": String(Buffer.byteLength(text)),
          ...options.headers,
        },
      },
      (response) => {
        let answer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (answer += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: answer }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(text);
  });
}
