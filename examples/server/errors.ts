/** Which of the demo's three servers. */
export type DemoServerName = "app" | "backend" | "emulator";

/** The demo could not start; `message` says why and what to do. */
export class DemoStartError extends Error {
  override readonly name: string = "DemoStartError";
  /** `port-in-use`, or `config` for missing or contradictory settings. */
  readonly code: "port-in-use" | "config";
  /** The server that could not listen, for `port-in-use`. */
  readonly server: DemoServerName | undefined;
  /** The port that was taken, for `port-in-use`. */
  readonly port: number | undefined;

  constructor(
    message: string,
    details: { code: "port-in-use" | "config"; server?: DemoServerName; port?: number },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = details.code;
    this.server = details.server;
    this.port = details.port;
  }
}

const LABELS: Record<DemoServerName, string> = {
  app: "demo app (Vite)",
  backend: "presign backend",
  emulator: "AgentCore Runtime emulator",
};

/** The error for a port another process holds. */
export function portInUse(
  server: DemoServerName,
  host: string,
  port: number,
  cause?: unknown,
): DemoStartError {
  return new DemoStartError(
    `Port ${port} on ${host} is already in use, so the ${LABELS[server]} cannot start.`,
    { code: "port-in-use", server, port },
    { cause },
  );
}

/** True for an error that means "address already in use", whoever raised it. */
export function isAddressInUse(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === "EADDRINUSE" ||
    (typeof message === "string" && /already in use|EADDRINUSE/i.test(message))
  );
}
