/**
 * What `toNodeHandler` needs from a handler made by `createPresignHandler` for requests it
 * cannot hand over as a `Request`: answers that go through the handler's own log.
 */
export interface HandlerHooks {
  /**
   * The 405 answer to a method the Fetch API cannot represent (`TRACE`, `TRACK`, `CONNECT`).
   * `standIn` is a `GET` request with the real one's URL and headers, for the client address
   * (`undefined` when even that cannot be made).
   */
  refuseMethod(standIn: Request | undefined): Response;
  /** The 500 answer to an error the adapter hit before the handler could run, logged. */
  fail(error: unknown, standIn: Request | undefined): Response;
}

type AnyHandler = (request: Request) => Promise<Response>;

const hooksByHandler = new WeakMap<AnyHandler, HandlerHooks>();

/** Attaches hooks to a handler (`createPresignHandler` does, for its own). */
export function attachHooks(handler: AnyHandler, hooks: HandlerHooks): void {
  hooksByHandler.set(handler, hooks);
}

/** The hooks of a handler made by `createPresignHandler`; `undefined` for any other. */
export function hooksOf(handler: AnyHandler): HandlerHooks | undefined {
  return hooksByHandler.get(handler);
}
