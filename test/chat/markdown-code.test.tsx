import { screen, waitFor, within } from "@testing-library/react";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { markdown, type MarkdownRenderer } from "../../src/markdown";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { liveRegion, renderChat } from "./render-chat";

// Code blocks, tables and plugins of agentcore-react/markdown in <AgentChat>.

function renderAnswer(text: string, renderer: MarkdownRenderer = markdown, labels = {}) {
  return renderChat({
    messages: [chatMessage({ role: "assistant", text })],
    props: { markdown: renderer, labels },
  });
}

const fence = (language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\``;

/** The code element of the first code block, once markdown has rendered it. */
async function codeElement(): Promise<HTMLElement> {
  await waitFor(() => expect(document.querySelector(".acr-code-block pre code")).not.toBeNull());
  return document.querySelector<HTMLElement>(".acr-code-block pre code")!;
}

describe("markdown code blocks", () => {
  it("highlights a fenced block with a language into token spans holding the same text", async () => {
    const code = "const answer: number = 42; // the answer\nexport { answer };";
    renderAnswer(fence("ts", code));
    const element = await codeElement();
    await waitFor(() => expect(element).toHaveAttribute("data-highlighted"));
    expect(element).toHaveTextContent(code.replace("\n", " "));
    expect(element.textContent).toBe(code);
    const keywords = [...element.querySelectorAll(".acr-code__token--keyword")];
    expect(keywords.map((span) => span.textContent)).toEqual(["const", "number", "export"]);
    expect(element.querySelector(".acr-code__token--comment")).toHaveTextContent("// the answer");
    expect(
      element.querySelector(".acr-code__token--string, .acr-code__token--class"),
    ).not.toBeNull();
    // Tokens are elements React made: no markup in the text, nothing from innerHTML.
    expect(element.innerHTML).not.toContain("<script");
  });

  it("shows the language and leaves an unknown language as plain text", async () => {
    renderAnswer(`${fence("brainfuck", "++>-<.")}\n\n${fence("python", "def f(): pass")}`);
    await waitFor(() =>
      expect(document.querySelectorAll("code[data-highlighted]")).toHaveLength(1),
    );
    const [unknown, python] = [...document.querySelectorAll<HTMLElement>(".acr-code-block")];
    expect(unknown!.querySelector(".acr-code-block__language")).toHaveTextContent("brainfuck");
    // The highlighter reached it and left it plain.
    await waitFor(() =>
      expect(unknown!.querySelector("code")).toHaveAttribute("data-highlight-skipped"),
    );
    expect(unknown!.querySelector("code")).not.toHaveAttribute("data-highlighted");
    expect(unknown!.querySelector("code")!.children).toHaveLength(0);
    expect(python!.querySelector("code")).not.toHaveAttribute("data-highlight-skipped");
    expect(python!.querySelector(".acr-code-block__language")).toHaveTextContent("python");
  });

  it("keeps code past the highlighting limits plain, even once the highlighter is loaded", async () => {
    const tooLong = `let x = 1;\n`.repeat(1_500);
    const longLine = `let y = "${"a".repeat(1_200)}";`;
    renderAnswer(
      `${fence("js", "let small = 1;")}\n\n${fence("js", longLine)}\n\n${fence("js", tooLong)}`,
    );
    // The long block is parsed in a task of its own, after the others.
    await waitFor(() => expect(document.querySelectorAll(".acr-code-block code")).toHaveLength(3));
    await waitFor(() => expect(document.querySelector("code[data-highlighted]")).not.toBeNull());
    const codes = [...document.querySelectorAll(".acr-code-block code")];
    expect(codes[1]).not.toHaveAttribute("data-highlighted");
    expect(codes[1]!.children).toHaveLength(0);
    expect(codes[2]).not.toHaveAttribute("data-highlighted");
    expect(codes[2]!.textContent).toBe(tooLong);
  });

  it("copies the code with Copy code and says Copied through the live region", async () => {
    const { user } = renderAnswer(fence("sh", "npm install agentcore-react"));
    // After user-event's setup, which puts a clipboard stub of its own on navigator.
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText } as never);
    const button = await screen.findByRole("button", { name: "Copy code" });
    button.focus();
    await user.keyboard("{Enter}");
    expect(writeText).toHaveBeenCalledWith("npm install agentcore-react");
    expect(await screen.findByRole("button", { name: "Copied" })).toBe(button);
    expect(liveRegion()).toHaveTextContent("Copied");
  });

  it("says Copy failed when the browser refuses", async () => {
    const { user } = renderAnswer(fence("", "plain code"));
    const writeText = vi.fn(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText } as never);
    await user.click(await screen.findByRole("button", { name: "Copy code" }));
    expect(await screen.findByRole("button", { name: "Copy failed" })).toHaveAttribute(
      "data-state",
      "failed",
    );
    expect(liveRegion()).toHaveTextContent("Copy failed");
  });

  it("takes its texts from the chat's labels", async () => {
    renderAnswer(fence("ts", "let a = 1;"), markdown, { copyCode: "Code kopieren" });
    expect(await screen.findByRole("button", { name: "Code kopieren" })).toBeInTheDocument();
  });
});

describe("markdown tables", () => {
  it("puts a table in a focusable region named after its columns", async () => {
    const table = "| Region | Latency |\n| --- | --- |\n| us-east-1 | 12 ms |";
    renderAnswer(table, markdown({ remarkPlugins: [remarkGfm] }));
    const region = await screen.findByRole("region", { name: "Table: Region, Latency" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(region).toHaveClass("acr-markdown__table");
    expect(within(region).getByRole("table")).toHaveTextContent("us-east-1");
  });
});

/** A hast node, as a test plugin writes it. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

/** A rehype plugin that adds what a careless or hostile plugin might. */
const injectElements = () => (tree: HastNode) => {
  const element = (tagName: string, properties: Record<string, unknown>, text = "") => ({
    type: "element",
    tagName,
    properties,
    children: text ? [{ type: "text", value: text }] : [],
  });
  tree.children?.push(
    element("script", {}, "window.__pwned = 1"),
    element("iframe", { src: "https://evil.example" }),
    element("span", { onClick: "window.__pwned = 1", className: ["kept"] }, "clicked"),
    element("div", { style: "position:fixed;inset:0;background:url(https://evil.example/x)" }),
    element("span", { style: "height:1.2em;vertical-align:-0.25em" }, "katex-like"),
    element("custom-widget", { id: "clobber" }, "unwrapped text"),
  );
};

describe("markdown plugins", () => {
  it("applies rehype plugins: remark-math and rehype-katex typeset math", async () => {
    const renderer = markdown({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] });
    renderAnswer("Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\frac{a}{b}\n$$", renderer);
    await waitFor(() => expect(document.querySelector(".acr-markdown .katex")).not.toBeNull());
    expect(document.querySelector(".acr-markdown .katex-display math")).not.toBeNull();
    expect(document.querySelector(".acr-markdown .katex-html [style]")).not.toBeNull();
  });

  it("sanitizes what plugins produce, after the last of them", async () => {
    renderAnswer("hello **there**", markdown({ rehypePlugins: [injectElements] }));
    await screen.findByText("there", { selector: "strong" });
    const root = document.querySelector(".acr-markdown")!;
    expect(root.querySelector("script, iframe, custom-widget, [onclick], #clobber")).toBeNull();
    expect(root).not.toHaveTextContent("__pwned");
    expect(root.querySelector(".kept")).toHaveTextContent("clicked");
    expect(root).toHaveTextContent("unwrapped text");
    expect(root.querySelector("div[style]")).toBeNull();
    expect(screen.getByText("katex-like")).toHaveStyle({ height: "1.2em" });
  });

  it("refuses rehypePlugins that is not an array", () => {
    expect(() => markdown({ rehypePlugins: rehypeKatex as never })).toThrow(
      new AgentRuntimeValidationError("markdown.rehypePlugins must be an array (got a function)"),
    );
  });
});
