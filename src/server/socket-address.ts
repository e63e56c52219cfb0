/** The peer address of each request that `toNodeHandler` made, by request object. */
const socketAddresses = new WeakMap<Request, string>();

/** Records the address of the socket a request came in on (called by `toNodeHandler`). */
export function rememberSocketAddress(request: Request, address: string | undefined): void {
  if (address) socketAddresses.set(request, address);
}

/** The socket address `toNodeHandler` recorded for `request`, if it made it. */
export function socketAddressOf(request: Request): string | undefined {
  return socketAddresses.get(request);
}
