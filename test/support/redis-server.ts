import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";

/** A `redis-server` on 127.0.0.1 for one test file. */
export interface RedisServer {
  port: number;
  stop(): Promise<void>;
}

const MISSING =
  "redis-server is not installed, and the Redis rate-limit tests need a real one: install it " +
  "(Debian: apt-get install redis-server; .ci/run does) or set REDIS_SERVER to its path";

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

/** Resolves once the server says it is ready; rejects when it exits or cannot start. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error(MISSING) : error),
    );
    child.once("exit", (code) =>
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

/**
 * Starts `redis-server` (or `$REDIS_SERVER`) on a free loopback port, without persistence.
 * Fails with a message saying how to install it when it is missing: the tests never skip.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = process.env.REDIS_SERVER ?? "redis-server";
  let lastError: unknown;
  // The port is free when probed but may be taken before Redis binds it: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      await ready(child);
    } catch (error) {
      lastError = error;
      if (error instanceof Error && error.message === MISSING) throw error;
      continue;
    }
    return {
      port,
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      },
    };
  }
  throw lastError;
}
