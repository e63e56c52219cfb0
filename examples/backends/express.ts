// server.ts: the presign backend of an agentcore-react app, on Express.
import express from "express";
import { createPresignHandler, toNodeHandler } from "agentcore-react/server";

const runtimeArn = process.env.AGENTCORE_RUNTIME_ARN;
if (!runtimeArn) throw new Error("Set AGENTCORE_RUNTIME_ARN to your agent runtime's ARN");

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
});

const app = express();
app.all("/api/agent-url", toNodeHandler(presign)); // before any body parser
// DEMO ONLY: sets the demo cookie and goes to the app. Remove it with the demo authorize.
app.get("/api/demo-sign-in", (_request, response) => {
  response.cookie("demo_user", "demo", { httpOnly: true, sameSite: "lax" });
  response.redirect("/");
});

const port = Number(process.env.PORT ?? 3001);
app.listen(port, (error) => {
  if (error) throw error;
  console.log(`Presign backend on http://localhost:${port}/api/agent-url`);
});
