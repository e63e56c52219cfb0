import { linkDestinationHint } from "./link-destination";

describe("linkDestinationHint", () => {
  it.each([
    ["https://bank.example/login", "https://evil.example/login", "evil.example"],
    ["bank.example", "https://evil.example", "evil.example"],
    ["www.bank.example/account", "http://evil.example:8080/x", "evil.example:8080"],
    ["HTTPS://BANK.EXAMPLE", "https://bank.example.evil.example/", "bank.example.evil.example"],
    ["paypal.com", "https://xn--pypal-4ve.com/", "xn--pypal-4ve.com"],
    ["https://bank.example", "mailto:phish@evil.example", "mailto:phish@evil.example"],
    ["bank.example", "/relative/path", "chat.example"],
  ])("%s → %s shows %s", (text, href, hint) => {
    expect(linkDestinationHint(text, href, "https://chat.example/app")).toBe(hint);
  });

  it.each([
    ["https://bank.example/login", "https://bank.example/other"],
    ["bank.example", "https://www.bank.example/"],
    ["www.bank.example", "https://bank.example./"],
    ["the docs", "https://evil.example"],
    ["click here", "https://evil.example"],
    ["v1.2", "https://evil.example"],
    ["", "https://evil.example"],
    ["javascript:alert(1)", "https://evil.example"],
  ])("%j → %s shows nothing", (text, href) => {
    expect(linkDestinationHint(text, href, "https://chat.example/")).toBeNull();
  });

  it("gives relative links no hint without a base", () => {
    expect(linkDestinationHint("bank.example", "/path")).toBeNull();
  });

  it("shows the destination of a non-web link in full, shortened when long", () => {
    const long = `mailto:${"a".repeat(100)}@evil.example`;
    const hint = linkDestinationHint("bank.example", long)!;
    expect(hint).toHaveLength(80);
    expect(hint.endsWith("…")).toBe(true);
  });
});
