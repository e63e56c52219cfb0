import { AgentRuntimeValidationError } from "../core/errors";
import { kindOf, optionalFunction } from "../core/option-checks";
import { addressKey } from "./ip-address";
import { socketAddressOf } from "./socket-address";

/** Tells the handler the address a request came from, where the runtime knows it. */
export type ClientAddressOption = (request: Request) => string | null | undefined;

/** The options that decide a request's client address. */
export interface ClientAddressOptions {
  clientAddress?: ClientAddressOption;
  trustProxy?: number | false;
}

/** Finds the client address of a request, as a rate-limit key; `undefined` when unknown. */
export type AddressResolver = (request: Request) => string | undefined;

/** Most proxies `trustProxy` may name. */
export const MAX_TRUSTED_PROXIES = 32;

function checkTrustProxy(value: unknown): number {
  if (value === undefined || value === false) return 0;
  if (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= MAX_TRUSTED_PROXIES
  ) {
    return value;
  }
  const got = typeof value === "number" ? String(value) : kindOf(value);
  throw new AgentRuntimeValidationError(
    `trustProxy must be false or the number of proxies in front of the server, a whole number from 0 to ${MAX_TRUSTED_PROXIES} (got ${got})`,
  );
}

/**
 * The client's address when `hops` trusted proxies stand in front: each appends the address it
 * was called from to `X-Forwarded-For`, so walking from the peer leftwards past `hops` entries
 * reaches the last address no client could write. A shorter chain gives its leftmost entry
 * (the request skipped some proxies, and every entry in it was written by one of them).
 */
function forwardedAddress(request: Request, peer: string | undefined, hops: number) {
  // `Headers.get` joins repeated headers with ", ", in order.
  const header = request.headers.get("x-forwarded-for") ?? "";
  const chain = header
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const nearestFirst = [peer, ...chain.reverse()];
  return nearestFirst[Math.min(hops, nearestFirst.length - 1)];
}

/**
 * Builds the resolver for the `clientAddress` and `trustProxy` options. The peer address comes
 * from `clientAddress(request)` when given, else from the socket (`toNodeHandler` records it).
 * `X-Forwarded-For` is read only with `trustProxy` set, and then only as far as it allows.
 *
 * @throws {AgentRuntimeValidationError} for a `clientAddress` that is not a function or a
 *   `trustProxy` that is neither `false` nor a whole number from 0 to 32.
 */
export function createAddressResolver(options: ClientAddressOptions): AddressResolver {
  const given = optionalFunction("clientAddress", options.clientAddress);
  const hops = checkTrustProxy(options.trustProxy);
  return (request) => {
    const peer = given ? (given(request) ?? undefined) : socketAddressOf(request);
    const address = hops === 0 ? peer : forwardedAddress(request, peer, hops);
    return address ? addressKey(address) : undefined;
  };
}

/** Whether `trustProxy` lets the handler read `X-Forwarded-For`. */
export function readsForwardedFor(options: ClientAddressOptions): boolean {
  return checkTrustProxy(options.trustProxy) > 0;
}
