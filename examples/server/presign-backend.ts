import { createServer } from "node:http";
import {
  createPresignHandler,
  toNodeHandler,
  type AwsCredentialsSource,
  type PresignLogEvent,
} from "../../src/server";
import { DEMO_USER_HEADER, PRESIGN_PATH } from "../src/demo-config";
import { demoAuthorize } from "./demo-authorize";
import { closeServer, listen } from "./listen";

/** Options of {@link startPresignBackend}. */
export interface PresignBackendOptions {
  port: number;
  host: string;
  runtimeArn: string;
  region: string;
  /** The runtime endpoint (qualifier), if any. */
  endpointName?: string;
  /** The data-plane origin to sign for: the emulator's `ws://` URL, or AWS when absent. */
  endpoint?: string;
  /** Default: the `AWS_*` environment variables. */
  credentials?: AwsCredentialsSource;
  /** Browser origins allowed to call (the demo app's). */
  allowedOrigins: (origin: string) => boolean;
  /** One secret-free line per request. */
  log?: (line: string) => void;
}

/** The running presign backend. */
export interface PresignBackend {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** The presign endpoint, `http://HOST:PORT/api/agent-url`. */
  readonly presignEndpoint: string;
  readonly port: number;
  /** The most recent request outcomes, oldest first (never URLs or secrets). */
  readonly events: readonly PresignLogEvent[];
  close(): Promise<void>;
}

const MAX_EVENTS = 500;

function describe(event: PresignLogEvent): string {
  if (event.type === "minted") {
    const ttl = Math.round((event.expiresAt - Date.now()) / 1000);
    return `minted a URL for ${event.principal}, session ${event.sessionId.slice(0, 12)}…, valid ${ttl} s`;
  }
  if (event.type === "refused") return `refused ${event.status} ${event.code}`;
  if (event.type === "warning") return `warning: ${event.message}`;
  const error = event.error instanceof Error ? event.error.message : String(event.error);
  return `failed: ${error}`;
}

/**
 * The demo's backend: `createPresignHandler` behind `node:http` at `POST /api/agent-url`, with
 * the demo sign-in (`demoAuthorize`) and CORS for the demo app's origin. `GET /api/health`
 * answers `{ ok: true }`.
 */
export async function startPresignBackend(options: PresignBackendOptions): Promise<PresignBackend> {
  const events: PresignLogEvent[] = [];
  const presign = toNodeHandler(
    createPresignHandler({
      runtimeArn: options.runtimeArn,
      endpointName: options.endpointName,
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      authorize: demoAuthorize,
      allowedOrigins: options.allowedOrigins,
      allowedHeaders: ["content-type", DEMO_USER_HEADER],
      // A URL lives at most this long; the page may ask for less (the panel's "URL lifetime").
      expires: 300,
      rateLimit: { max: 600, windowMs: 60_000 },
      log: (event) => {
        events.push(event);
        if (events.length > MAX_EVENTS) events.shift();
        options.log?.(describe(event));
      },
    }),
  );

  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === PRESIGN_PATH) return void presign(request, response);
    response.setHeader("content-type", "application/json");
    response.setHeader("cache-control", "no-store");
    if (path === "/api/health" && request.method === "GET") {
      response.end(JSON.stringify({ ok: true }));
      return;
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ error: { code: "not-found", message: "Not found" } }));
  });
  const port = await listen(server, "backend", options.port, options.host);
  const url = `http://${options.host}:${port}`;
  return {
    url,
    presignEndpoint: `${url}${PRESIGN_PATH}`,
    port,
    events,
    close: () => closeServer(server),
  };
}
