import { FaultCommandError, type FaultTarget } from "./fault-types";
import { FaultController } from "./faults";

function target(): FaultTarget & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    drop: (cause) => log.push(`drop:${cause}`),
    close: (code, _reason, cause) => log.push(`close:${code}:${cause}`),
  };
}

function controller(targets: FaultTarget[] = [], seed = 1): FaultController {
  return new FaultController({ options: { seed }, targets: () => targets, now: () => 12_345_678 });
}

describe("FaultController", () => {
  it("refuses the next upgrades in the order they were scripted, then lets them through", () => {
    const faults = controller();
    faults.refuseNext(2, 409);
    faults.refuseNext(1, 424);
    expect([1, 2, 3, 4].map(() => faults.takeRefusal()?.status)).toEqual([
      409,
      409,
      424,
      undefined,
    ]);
  });

  it("drops a connection at its n-th frame in the chosen direction, once by default", () => {
    const faults = controller();
    const a = target();
    const b = target();
    faults.dropAfterFrames(2, { direction: "out" });
    expect(faults.onFrame(a, "in").action).toBe("pass");
    expect(faults.onFrame(a, "out").action).toBe("pass");
    expect(faults.onFrame(b, "out").action).toBe("pass");
    expect(faults.onFrame(a, "out")).toMatchObject({ action: "drop" });
    expect(faults.onFrame(b, "out").action).toBe("pass");
    expect(faults.snapshot().frameRules).toEqual([]);
  });

  it("keeps hitting connections while times allows", () => {
    const faults = controller();
    faults.closeAfterFrames(1, 1008, { times: Infinity, reason: "policy" });
    for (let i = 0; i < 5; i += 1)
      expect(faults.onFrame(target(), "in")).toMatchObject({
        action: "close",
        code: 1008,
        reason: "policy",
      });
  });

  it("drops at random reproducibly for a seed", () => {
    const run = (seed: number) => {
      const faults = controller([], seed);
      faults.dropRandomly(0.2);
      const t = target();
      return Array.from({ length: 200 }, () => faults.onFrame(t, "in").action);
    };
    expect(run(99)).toEqual(run(99));
    expect(run(99)).not.toEqual(run(100));
    const drops = run(99).filter((action) => action === "drop").length;
    expect(drops).toBeGreaterThan(10);
    expect(drops).toBeLessThan(80);
  });

  it("keeps upgrade randomness apart from frame randomness", () => {
    const upgradesOnly = controller([], 5);
    upgradesOnly.refuseRandomly(0.5, 429);
    const mixed = controller([], 5);
    mixed.refuseRandomly(0.5, 429);
    mixed.dropRandomly(0.5);
    const t = target();
    const a: Array<number | undefined> = [];
    const b: Array<number | undefined> = [];
    for (let i = 0; i < 30; i += 1) {
      a.push(upgradesOnly.takeRefusal()?.status);
      mixed.onFrame(t, "out");
      b.push(mixed.takeRefusal()?.status);
    }
    expect(b).toEqual(a);
    expect(a).toContain(429);
    expect(a).toContain(undefined);
  });

  it("drops or closes every open connection on demand", () => {
    const a = target();
    const b = target();
    const faults = controller([a, b]);
    expect(faults.dropAll()).toBe(2);
    expect(faults.closeAll(1008)).toBe(2);
    expect(a.log).toEqual(["drop:fault-drop", "close:1008:fault-close"]);
  });

  it("floors the expiry cutoff to whole seconds and resets everything but the seed", () => {
    const faults = controller();
    faults.expireIssuedBefore(1_700_000_000_999);
    expect(faults.issuedBefore).toBe(1_700_000_000_000);
    faults.expireIssuedBefore();
    expect(faults.issuedBefore).toBe(12_345_000);
    faults.setClockSkew(-5000);
    faults.delayUpgrades(10);
    faults.refuseNext(3);
    faults.reset();
    expect(faults.snapshot()).toEqual({
      seed: 1,
      clockSkewMs: 0,
      upgradeDelayMs: 0,
      refuseNext: [],
      refuseRandomly: { probability: 0, status: 429 },
      dropRandomly: 0,
      frameRules: [],
      issuedBefore: null,
    });
  });

  it("applies JSON commands and refuses bad ones with a FaultCommandError", () => {
    const faults = controller();
    expect(faults.apply({ action: "refuseNext", count: 2, status: 403 }).refuseNext).toEqual([
      403, 403,
    ]);
    expect(
      faults.apply({ action: "dropAfterFrames", frames: 3, direction: "in" }).frameRules,
    ).toEqual([{ kind: "drop", frames: 3, direction: "in", remaining: 1 }]);
    expect(faults.apply({ action: "setClockSkew", ms: 301_000 }).clockSkewMs).toBe(301_000);
    expect(faults.apply({ action: "reseed", seed: 9 }).seed).toBe(9);
    const bad: unknown[] = [
      null,
      { action: "explode" },
      { action: "refuseNext", status: 200 },
      { action: "refuseNext", count: -1 },
      { action: "closeAll", code: 1006 },
      { action: "closeAfterFrames", frames: 1, code: 999 },
      { action: "dropAfterFrames", frames: 0 },
      { action: "dropAfterFrames", frames: 2, direction: "sideways" },
      { action: "dropAfterFrames", frames: 2, times: 0 },
      { action: "dropRandomly", probability: 2 },
      { action: "dropRandomly" },
      { action: "delayUpgrades", ms: -1 },
      { action: "setClockSkew", ms: "soon" },
      { action: "reseed", seed: 1.5 },
    ];
    for (const command of bad) {
      expect(() => faults.apply(command as never), JSON.stringify(command)).toThrow(
        FaultCommandError,
      );
    }
  });
});
