import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isAddressInUse, portInUse, type DemoServerName } from "./errors";

/** Starts `server` listening; a taken port becomes a `DemoStartError` naming the server. */
export function listen(
  server: Server,
  name: DemoServerName,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown) => {
      server.off("listening", onListening);
      reject(isAddressInUse(error) ? portInUse(name, host, port, error) : error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Stops `server`, dropping idle keep-alive connections so it closes at once. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
