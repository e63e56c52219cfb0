import { safeUrl } from "./safe-url";

describe("safeUrl", () => {
  it.each([
    "https://example.com/a?b=c#d",
    "http://example.com",
    "mailto:someone@example.com",
    "tel:+123456789",
    "/relative/path",
    "relative/path:with-colon",
    "?query=1:2",
    "#anchor",
    "HTTPS://EXAMPLE.COM",
  ])("keeps %s", (url) => {
    expect(safeUrl(url)).toBe(url);
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
  ])("drops %j", (url) => {
    expect(safeUrl(url)).toBeUndefined();
  });
});
