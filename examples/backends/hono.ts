// server.ts: the presign backend of an agentcore-react app, on Hono. The handler is a Web
// `(Request) => Response`, so the route hands it the request as is; on Bun, Deno or a worker,
// only the last lines change (`export default app`).
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { createPresignHandler } from "agentcore-react/server";

const runtimeArn = process.env.AGENTCORE_RUNTIME_ARN;
if (!runtimeArn) throw new Error("Set AGENTCORE_RUNTIME_ARN to your agent runtime's ARN");

// A Web Request carries no peer address: the route notes it here for the rate limits.
const addresses = new WeakMap<Request, string>();

const presign = createPresignHandler({
  runtimeArn, // URLs are signed for its region, with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
  endpoint: process.env.AGENTCORE_ENDPOINT, // the local emulator's ws:// URL; unset for AWS
  // DEMO ONLY: the cookie demo_user=<name> signs you in as <name>. Replace it with your own
  // sign-in: read your session cookie or verify your access token, return the user's id.
  authorize: (request) => {
    const user = /(?:^|;\s*)demo_user=(\w+)/.exec(request.headers.get("cookie") ?? "")?.[1];
    return user ? { principal: user } : null; // null -> 401
  },
  sessionSecret: process.env.AGENT_SESSION_SECRET, // >= 32 bytes, the same on every instance
  rateLimit: { max: 30, windowMs: 60_000 },
  clientAddress: (request) => addresses.get(request),
});

const app = new Hono();
app.all("/api/agent-url", (c) => {
  const address = getConnInfo(c).remote.address;
  if (address) addresses.set(c.req.raw, address);
  return presign(c.req.raw);
});
// DEMO ONLY: sets the demo cookie and goes to the app. Remove it with the demo authorize.
app.get("/api/demo-sign-in", (c) => {
  setCookie(c, "demo_user", "demo", { httpOnly: true, sameSite: "Lax", path: "/" });
  return c.redirect("/");
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3001) }, (info) => {
  console.log(`Presign backend on http://localhost:${info.port}/api/agent-url`);
});
