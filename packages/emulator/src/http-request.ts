import type { IncomingMessage, ServerResponse } from "node:http";
import { CONTROL_PREFIX, handleControl, type ControlContext } from "./control-api";
import { parseRuntimePath } from "./runtime-path";

/**
 * Answers a plain HTTP request: the control endpoint under `/__emulator`, 426 (upgrade
 * required) on a runtime's stream path, 404 anywhere else.
 */
export async function answerHttpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  control: ControlContext,
): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    await handleControl(req, res, control);
    return;
  }
  const status = parseRuntimePath(path).ok ? 426 : 404;
  res.writeHead(status, {
    "Content-Type": "application/json",
    ...(status === 426 ? { Upgrade: "websocket" } : {}),
  });
  res.end(
    JSON.stringify({
      message: status === 426 ? "This endpoint only speaks WebSocket" : "Not found",
    }),
  );
}
