import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeHandler } from "../../src/server";
import { postFrom, serve, type Served } from "./serve";

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe("methods the Fetch API cannot represent, over node:http", () => {
  // TRACK and CONNECT never reach a request listener: Node answers or closes them itself.
  it.each(["TRACE"])("answers %s with 405 and Allow, and logs it", async (method) => {
    served = await serve();
    const answer = await postFrom(served.url, "", {
      method,
      headers: { Authorization: "Bearer alice" },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("POST, OPTIONS");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "method-not-allowed", message: "Use POST" },
    });
    expect(served.logs).toEqual([
      {
        type: "refused",
        status: 405,
        code: "method-not-allowed",
        clientAddress: "127.0.0.1",
      },
    ]);
    expect(served.mints()).toBe(0);
  });

  it("answers other methods with 405 too, and logs them", async () => {
    served = await serve();
    for (const method of ["GET", "PUT", "DELETE", "PATCH", "PROPFIND"]) {
      expect((await postFrom(served.url, "", { method })).status).toBe(405);
    }
    expect(served.logs.map((e) => e.type === "refused" && e.status)).toEqual([
      405, 405, 405, 405, 405,
    ]);
  });

  it("answers TRACE with 405 for any Web handler, not only the presign handler", async () => {
    const listener = toNodeHandler(async () => new Response("never"));
    const server = createServer((req, res) => void listener(req, res));
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await postFrom(`http://127.0.0.1:${port}/`, "", { method: "TRACE" });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("POST, OPTIONS");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
