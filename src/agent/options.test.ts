import { AgentRuntimeValidationError } from "../core/errors";
import { DeliveryAgent } from "./delivery-agent";

describe("DeliveryAgent options", () => {
  it.each([
    [{ maxBufferBytes: 0 }, "maxBufferBytes must be a whole number >= 1 (got 0)"],
    [{ maxBufferBytes: 1.5 }, "maxBufferBytes must be a whole number >= 1 (got 1.5)"],
    [{ maxBufferAgeMs: -1 }, "maxBufferAgeMs must be a finite number > 0 (got -1)"],
    [{ maxBufferAgeMs: Infinity }, "maxBufferAgeMs must be a finite number > 0 (got Infinity)"],
    [{ rememberedIds: 10 }, "rememberedIds must be a whole number from 1024 to 1048576 (got 10)"],
    [{ maxFrameBytes: "32k" }, "maxFrameBytes must be a whole number >= 1 (got 32k)"],
    [{ now: 5 }, "now must be a function (got a number)"],
  ])("refuses %o with a clear message", (options, message) => {
    const create = () => new DeliveryAgent(options as never);
    expect(create).toThrow(AgentRuntimeValidationError);
    expect(create).toThrow(message);
  });

  it("refuses options that are not an object", () => {
    expect(() => new DeliveryAgent(null as never)).toThrow(
      "DeliveryAgent needs an options object (got null)",
    );
  });

  it("takes no options at all", () => {
    expect(new DeliveryAgent().session("s").lastSeq).toBe(0);
  });
});
