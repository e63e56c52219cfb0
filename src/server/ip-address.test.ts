import { addressKey } from "./ip-address";

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:52114", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:cb00:7107", "203.0.113.7"],
    ["[::ffff:203.0.113.7]:443", "203.0.113.7"],
    ["2001:db8:0:1:aaaa:bbbb:cccc:dddd", "2001:db8:0:1::/64"],
    ["2001:DB8:0:1::1", "2001:db8:0:1::/64"],
    ["[2001:db8:0:1::1]:8080", "2001:db8:0:1::/64"],
    ["2001:0db8:0000:0001:0000:0000:0000:0002", "2001:db8:0:1::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::", "0:0:0:0::/64"],
    ["unknown", "unknown"],
    ["1:2:3", "1:2:3"],
    ["1::2::3", "1::2::3"],
    ["256.1.1.1", "256.1.1.1"],
    ["x".repeat(500), "x".repeat(100)],
  ])("%s -> %s", (raw, key) => {
    expect(addressKey(raw)).toBe(key);
  });

  it("gives every address of one /64 the same key and the next /64 another", () => {
    expect(addressKey("2001:db8:0:1:ffff:ffff:ffff:ffff")).toBe(addressKey("2001:db8:0:1::"));
    expect(addressKey("2001:db8:0:2::1")).not.toBe(addressKey("2001:db8:0:1::1"));
  });
});
