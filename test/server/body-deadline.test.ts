import { connect, type Socket } from "node:net";
import { serve, type Served } from "./serve";

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

/**
 * A client that sends its headers, then its body one byte at a time, and records what the
 * server answers and when it closes the connection.
 */
function trickle(url: string, everyMs: number) {
  const { hostname, port, pathname } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (received += chunk));
  socket.on("error", () => {}); // a write after the server closed: expected
  socket.write(
    `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
      `Authorization: Bearer alice\r\nContent-Length: 4000\r\n\r\n{`,
  );
  const timer = setInterval(() => socket.writable && socket.write(" "), everyMs);
  const closed = new Promise<string>((resolve) =>
    socket.once("close", () => {
      clearInterval(timer);
      resolve(received);
    }),
  );
  return { closed };
}

describe("the body read deadline, over node:http", () => {
  it("answers a body trickled at a byte per 20 ms with 408 and closes the connection", async () => {
    served = await serve({ bodyTimeoutMs: 300 });
    const answer = await trickle(served.url, 20).closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('{"error":{"code":"request-timeout"');
    expect(served.mints()).toBe(0);
    expect(served.logs).toEqual([
      {
        type: "refused",
        status: 408,
        code: "request-timeout",
        principal: "alice",
        clientAddress: "127.0.0.1",
      },
    ]);
  });
});
