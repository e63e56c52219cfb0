import { httpUrl } from "./http-url";

describe("httpUrl", () => {
  it.each([
    ["https://example.com/a?b=c#d", "https://example.com/a?b=c#d"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://EXAMPLE.COM/Path", "https://example.com/Path"],
    ["  https://example.com/x  ", "https://example.com/x"],
    ["https://exämple.com/", "https://xn--exmple-cua.com/"],
  ])("keeps %j as %s", (raw, href) => {
    expect(httpUrl(raw)?.href).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.com/uuid",
    "mailto:someone@example.com",
    "ftp://example.com/file",
    "/relative/path",
    "//example.com/protocol-relative",
    "example.com",
    "https://",
    "",
  ])("drops %j", (raw) => {
    expect(httpUrl(raw)).toBeUndefined();
  });

  it.each([undefined, null, 42, {}, ["https://example.com"], { href: "https://example.com" }])(
    "drops the non-string %j",
    (raw) => {
      expect(httpUrl(raw)).toBeUndefined();
    },
  );
});
