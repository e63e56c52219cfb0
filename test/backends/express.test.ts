import { describeHttpBackend } from "./http-backend-suite";

// examples/backends/express.ts (README's backend, verbatim), run as `npx tsx server.ts` runs it.
describe("the Express backend example", () => {
  describeHttpBackend("express.ts");
});
