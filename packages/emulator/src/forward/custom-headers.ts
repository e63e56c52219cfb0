import type { IncomingMessage } from "node:http";
import { parseQuery, splitRequestTarget } from "../raw-url";
import { SESSION_ID_PARAM } from "../verify-presigned-url";

/** The prefix of the headers the service passes to the agent from the request. */
export const CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";

function isCustom(name: string): boolean {
  return (
    name.toLowerCase().startsWith(CUSTOM_HEADER_PREFIX.toLowerCase()) &&
    name.length > CUSTOM_HEADER_PREFIX.length
  );
}

/** A header value as `ws` can send it: no control characters (which would end the header). */
function isSendable(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
}

/**
 * The headers the service sends the agent's `/ws` with the upgrade: the runtime session id and
 * every `X-Amzn-Bedrock-AgentCore-Runtime-Custom-*` header of the request, or, where a browser
 * cannot set headers, every query parameter of that name (the presigned URL's custom
 * parameters). A header wins over a query parameter of the same name.
 */
export function agentHeaders(req: IncomingMessage, sessionId: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const target = splitRequestTarget(req.url ?? "");
  const query = parseQuery(target.ok ? target.rawQuery : "", "service");
  for (const param of query.ok ? query.params : []) {
    if (isCustom(param.key) && isSendable(param.value)) headers[param.key] = param.value;
  }
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    const value = req.rawHeaders[i + 1] ?? "";
    if (!isCustom(name)) continue;
    for (const key of Object.keys(headers))
      if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
    headers[name] = value;
  }
  headers[SESSION_ID_PARAM] = sessionId;
  return headers;
}
