import { describeHttpBackend } from "./http-backend-suite";

// examples/backends/hono.ts, run as `npx tsx server.ts` runs it, on @hono/node-server.
describe("the Hono backend example", () => {
  describeHttpBackend("hono.ts");
});
