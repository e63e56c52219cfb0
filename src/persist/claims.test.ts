import { claimLock } from "./claims";

// Node has no Web Locks but has BroadcastChannel: these exercise the question-and-answer path.
describe("claimLock without Web Locks (BroadcastChannel)", () => {
  it("refuses a second claim of one name until the first is released", async () => {
    const first = await claimLock("db:a");
    expect(first).not.toBeNull();
    expect(await claimLock("db:a")).toBeNull();
    const other = await claimLock("db:b");
    expect(other).not.toBeNull();

    first?.release();
    const again = await claimLock("db:a");
    expect(again).not.toBeNull();
    again?.release();
    other?.release();
  });

  it("grants exactly one of two claims made at the same moment", async () => {
    const claims = await Promise.all([claimLock("db:race"), claimLock("db:race")]);
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    for (const claim of claims) claim?.release();
  });
});
