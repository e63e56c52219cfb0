import { safeStyle } from "./output-allow-list";
import { rehypeSanitizeOutput } from "./sanitize-output";

describe("safeStyle", () => {
  it("keeps KaTeX's layout declarations", () => {
    expect(safeStyle("height:1.2em;vertical-align:-0.25em")).toBe(
      "height:1.2em;vertical-align:-0.25em",
    );
    expect(safeStyle("position:relative;top:-2.7em;color:#cc0000")).toBe(
      "position:relative;top:-2.7em;color:#cc0000",
    );
  });

  it("drops anything that loads, escapes or covers the page", () => {
    expect(safeStyle("background:url(https://evil.example/x)")).toBeUndefined();
    expect(safeStyle("width:expression(alert(1))")).toBeUndefined();
    expect(safeStyle("position:fixed;top:0")).toBe("top:0");
    expect(safeStyle("color:\\72 ed")).toBeUndefined();
    expect(safeStyle("z-index:9999;content:'x'")).toBeUndefined();
  });
});

describe("rehypeSanitizeOutput", () => {
  const element = (
    tagName: string,
    properties: Record<string, unknown> = {},
    children: Array<{ type: string }> = [],
  ) => ({
    type: "element",
    tagName,
    properties,
    children,
  });
  const text = (value: string) => ({ type: "text", value });

  it("drops, unwraps and strips after every plugin", () => {
    const tree = {
      type: "root",
      children: [
        element("script", {}, [text("alert(1)")]),
        element("p", { onClick: "x", className: ["a"], id: "login" }, [text("kept")]),
        element("marquee", {}, [text("unwrapped")]),
        element("input", { type: "text" }),
        element("input", { type: "checkbox", checked: true }),
        element("a", { href: "https://example.com", id: "user-content-fn-1", ping: "x" }),
        { type: "comment", value: "hidden" },
      ],
    };
    rehypeSanitizeOutput()(tree);
    expect(tree.children).toEqual([
      element("p", { className: ["a"] }, [text("kept")]),
      text("unwrapped"),
      element("input", { type: "checkbox", checked: true, disabled: true }),
      element("a", { href: "https://example.com", id: "user-content-fn-1" }),
    ]);
  });
});
