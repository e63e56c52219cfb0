import { redactSecrets } from "../core/redact";
import type { PresignLogEvent } from "./options";
import type { UploadUrlLogEvent } from "./upload-url-options";

/** An event of either handler: the presign handler's or the upload-URL handler's. */
type AnyLogEvent = PresignLogEvent | UploadUrlLogEvent;

/** The `log` option: a function, `false` for silence, or nothing for the console. */
export type LogOption<Event extends AnyLogEvent = PresignLogEvent> =
  ((event: Event) => void) | false | undefined;

const PREFIX = "agentcore-react/server:";
const MAX_CAUSES = 5;

/** `principal="alice" address=203.0.113.7`, with values quoted so they cannot forge lines. */
function who(event: { principal?: string; clientAddress?: string }): string {
  const parts = [];
  if (event.principal !== undefined) parts.push(`principal=${JSON.stringify(event.principal)}`);
  if (event.clientAddress !== undefined) {
    const address = event.clientAddress;
    parts.push(`address=${/^[\w.:/-]+$/.test(address) ? address : JSON.stringify(address)}`);
  }
  return parts.length === 0 ? "" : ` ${parts.join(" ")}`;
}

/** An error's stack (or name and message), then each cause's name and message. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = [error.stack ?? `${error.name}: ${error.message}`];
  let cause: unknown = error.cause;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    lines.push(
      cause instanceof Error
        ? `Caused by: ${cause.name}: ${cause.message}`
        : `Caused by: ${String(cause)}`,
    );
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines.join("\n");
}

/**
 * One event as the console line the default log prints, with every secret redacted; `minted`
 * events give `undefined` (they are not printed by default).
 */
export function formatLogEvent(event: AnyLogEvent): string | undefined {
  switch (event.type) {
    case "minted":
      return undefined;
    case "refused":
      return redactSecrets(`${PREFIX} refused ${event.status} ${event.code}${who(event)}`);
    case "warning":
      return redactSecrets(`${PREFIX} ${event.message}`);
    case "failed":
      return redactSecrets(
        `${PREFIX} failed ${event.status} ${event.code}${who(event)}: ${describeCause(event.error)}`,
      );
  }
}

/**
 * The default log: refusals at info level, warnings at warn, failures (with their redacted
 * cause) at error, each one line (a failure adds its stack). Minted URLs are not printed.
 */
export function consoleLog(event: AnyLogEvent): void {
  const line = formatLogEvent(event);
  if (line === undefined) return;
  if (event.type === "failed") console.error(line);
  else if (event.type === "warning") console.warn(line);
  // eslint-disable-next-line no-console -- refusals are routine: info, not warn.
  else console.info(line);
}

/**
 * The handler's log from the `log` option: the console by default, nothing with `false`, or
 * the app's function. A hook that throws cannot change the answer.
 */
export function createLog<Event extends AnyLogEvent = PresignLogEvent>(
  option: LogOption<Event>,
): (event: Event) => void {
  if (option === false) return () => {};
  const hook: (event: Event) => void = option ?? consoleLog;
  return (event) => {
    try {
      hook(event);
    } catch {
      // A failing log hook must not change the answer.
    }
  };
}
