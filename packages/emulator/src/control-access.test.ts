import { isLoopbackAddress } from "./control-access";

describe("isLoopbackAddress", () => {
  it("tells loopback peer addresses from others", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"].every(isLoopbackAddress)).toBe(
      true,
    );
    expect(
      ["10.0.0.1", "::ffff:10.0.0.1", "192.168.1.2", "fe80::1", undefined].some(isLoopbackAddress),
    ).toBe(false);
  });
});
