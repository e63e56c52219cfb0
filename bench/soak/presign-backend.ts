import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { AwsCredentials } from "../../src/signing/credentials";
import { createPresignHandler, toNodeHandler } from "../../src/server";

/** The principal the soak's presign backend serves (sent as `Authorization: Bearer <it>`). */
export const SOAK_PRINCIPAL = "soak-user";

/** A presign backend on 127.0.0.1 (port 0): `createPresignHandler` through `toNodeHandler`. */
export interface PresignBackend {
  url: string;
  /** Answers the backend gave (200s). */
  minted: () => number;
  /** Closes keep-alive connections nobody uses right now (before counting sockets). */
  closeIdleConnections: () => void;
  close: () => Promise<void>;
}

export async function startPresignBackend(options: {
  runtimeArn: string;
  credentials: AwsCredentials;
  endpoint: string;
  expiresSeconds: number;
  /** The backend's clock; the soak gives it the runtime's (servers keep good time). */
  now: () => number;
}): Promise<PresignBackend> {
  let minted = 0;
  const handler = createPresignHandler({
    runtimeArn: options.runtimeArn,
    authorize: (request) =>
      request.headers.get("authorization") === `Bearer ${SOAK_PRINCIPAL}`
        ? { principal: SOAK_PRINCIPAL }
        : null,
    credentials: options.credentials,
    sessionSecret: "soak-session-secret-0123456789-abcdef",
    endpoint: options.endpoint,
    expires: options.expiresSeconds,
    now: options.now,
    log: (event) => {
      if (event.type === "minted") minted += 1;
    },
  });
  const listener = toNodeHandler(handler);
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/agent-url`,
    minted: () => minted,
    closeIdleConnections: () => server.closeIdleConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
