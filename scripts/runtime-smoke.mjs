// The library's runtime code on the lowest Node it supports (`engines`), against its build in
// dist/: signing (a golden vector of the Python SDK), the presign handler (Web Request and
// Response), and a connection with its conversation store over a real WebSocket (`ws`).
// Run by scripts/test-lowest-node.sh; exits non-zero on the first failure.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { WebSocketServer, WebSocket } from "ws";
import { AgentRuntimeConnection, createConversationStore } from "../dist/index.js";
import { AgentRuntimeClient } from "../dist/signing.js";
import { createPresignHandler } from "../dist/server.js";

const vectors = JSON.parse(
  readFileSync(new URL("../test/fixtures/agentcore-python-sdk.json", import.meta.url), "utf8"),
);

async function signing() {
  const vector = vectors.vectors.find(
    (v) => v.name === "presigned_default_autogen_session_us_west_2",
  );
  const { input, output } = vector;
  const client = new AgentRuntimeClient({
    region: input.region,
    credentials: input.credentials,
    now: () => new Date(input.now),
  });
  const url = await client.generatePresignedUrl({
    runtimeArn: input.runtime_arn,
    sessionId: input.session_id,
  });
  assert.equal(url, output.url);
}

async function presignHandler() {
  const handler = createPresignHandler({
    runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234",
    credentials: {
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    },
    authorize: async () => ({ principal: "smoke-user" }),
    sessionSecret: "s".repeat(64),
    log: false,
  });
  const response = await handler(
    new Request("http://localhost/api/agent-url", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }),
  );
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.match(body.url, /^wss:\/\/bedrock-agentcore\.us-west-2\.amazonaws\.com\/runtimes\//);
}

async function conversation() {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) =>
    socket.on("message", () => socket.send(JSON.stringify({ text: "pong", done: true }))),
  );
  const { port } = server.address();
  const store = createConversationStore({
    connection: () =>
      new AgentRuntimeConnection({
        WebSocket,
        urlProvider: async ({ sessionId }) => ({
          url: `ws://127.0.0.1:${port}/ws`,
          expiresAt: Date.now() + 300_000,
          sessionId,
        }),
      }),
  });
  const answered = new Promise((resolve) => store.onMessageFinished(resolve));
  const unsubscribe = store.subscribe(() => {});
  store.send("ping");
  const message = await answered;
  assert.equal(message.text, "pong");
  unsubscribe();
  await new Promise((resolve) => server.close(resolve));
}

for (const [name, check] of Object.entries({ signing, presignHandler, conversation })) {
  await check();
  console.log(`ok ${name} on Node ${process.version}`);
}
