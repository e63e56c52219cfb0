import { describe, expect, it } from "vitest";
import { classifyClose, type CloseContext } from "./close-policy";
import { CONNECTION_REASONS } from "./reasons";

const open: CloseContext = { wasOpen: true, streamAgeMs: 60_000, idleMs: 1_000 };

describe("classifyClose: the close-code table", () => {
  it.each<[number, CloseContext, string, boolean, boolean]>([
    // code, context, action, discardUrl, failLastSent
    [1000, open, "final", false, false],
    [1001, open, "retry", false, false],
    [1005, open, "retry", false, false],
    [1006, open, "retry", false, false],
    [1008, open, "retry", true, false],
    [1009, open, "retry", false, true],
    [1011, open, "retry", false, false],
    [1012, open, "retry", false, false],
    [4000, open, "retry", false, false],
    // Before the socket opened every close is a failed attempt (browsers report a refused upgrade as 1006).
    [1006, { wasOpen: false }, "retry", true, false],
    [1000, { wasOpen: false }, "retry", true, false],
    [1008, { wasOpen: false }, "retry", true, false],
    // The service's limits: the 60-minute stream and the 900 s idle timeout resume at once.
    [1000, { wasOpen: true, streamAgeMs: 3_600_000, idleMs: 5 }, "resume", false, false],
    [1001, { wasOpen: true, streamAgeMs: 3_590_000, idleMs: 5 }, "resume", false, false],
    [1006, { wasOpen: true, streamAgeMs: 3_600_000, idleMs: 5 }, "resume", false, false],
    [1000, { wasOpen: true, streamAgeMs: 900_000, idleMs: 900_000 }, "resume", false, false],
    [1000, { wasOpen: true, streamAgeMs: 900_000, idleMs: 880_000 }, "resume", false, false],
    [1000, { wasOpen: true, streamAgeMs: 900_000, idleMs: 800_000 }, "final", false, false],
    // 1008 and 1009 keep their meaning even at a limit.
    [1008, { wasOpen: true, streamAgeMs: 3_600_000 }, "retry", true, false],
    [1009, { wasOpen: true, idleMs: 900_000 }, "retry", false, true],
  ])("%i %j -> %s", (code, context, action, discardUrl, failLastSent) => {
    const decision = classifyClose(code, context);
    expect(decision).toMatchObject({ action, discardUrl, failLastSent });
    expect(CONNECTION_REASONS).toContain(decision.reason);
  });

  it("honours custom limits", () => {
    expect(classifyClose(1000, { streamAgeMs: 120_000, streamLifetimeMs: 120_000 }).action).toBe(
      "resume",
    );
    expect(classifyClose(1000, { idleMs: 60_000, idleTimeoutMs: 60_000 }).action).toBe("resume");
  });

  it("treats a bare code as a close of an open stream", () => {
    expect(classifyClose(1000).action).toBe("final");
    expect(classifyClose(1011).action).toBe("retry");
  });
});
