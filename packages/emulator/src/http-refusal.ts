import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

const ERROR_TYPES: Record<number, string> = {
  400: "ValidationException",
  401: "UnauthorizedException",
  403: "AccessDeniedException",
  404: "ResourceNotFoundException",
  409: "ConflictException",
  424: "RuntimeClientError",
  429: "ThrottlingException",
  500: "InternalServerException",
  503: "ServiceUnavailableException",
};

/**
 * Answers an upgrade request with a plain HTTP error instead of switching protocols, as the
 * service does before the upgrade. A browser sees only a failed socket (close code 1006).
 */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n` +
      "Connection: close\r\n" +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-amzn-ErrorType: ${ERROR_TYPES[status] ?? (status >= 500 ? "InternalServerException" : "ValidationException")}\r\n` +
      "\r\n" +
      body,
  );
}
