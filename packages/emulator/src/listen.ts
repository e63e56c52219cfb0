import type { Server } from "node:http";

/** The emulator could not start listening (e.g. `EADDRINUSE`). */
export class EmulatorStartError extends Error {
  override readonly name: string = "EmulatorStartError";
  /** The system error code, e.g. `EADDRINUSE`. */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Starts `server` listening on `host:port`; resolves with the port it got (the one the OS
 * picked for port 0).
 *
 * @throws {EmulatorStartError} when it cannot listen, with a message that says what to do.
 */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(
        new EmulatorStartError(listenFailure(error, port, host), error.code, { cause: error }),
      );
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

function listenFailure(error: NodeJS.ErrnoException, port: number, host: string): string {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE")
    return `Port ${port} on ${host} is already in use; pick another port (or 0 to let the OS choose)`;
  if (error.code === "EACCES") return `Not allowed to listen on ${where}`;
  return `Cannot listen on ${where}: ${error.message}`;
}
