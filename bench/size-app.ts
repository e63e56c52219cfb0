/**
 * `npm run bench:size:app`: what a drop-in chat adds to an app's production build. Each chat is
 * set up in a minimal Vite app the way its docs show (its stylesheet included), built with
 * `vite build`, and measured as the browser downloads it: every file the page loads before
 * anything is clicked (entry chunk, its static imports, its CSS), each gzipped on its own, minus
 * the same app with React alone. Chunks behind `import()` are counted apart.
 *
 * Unlike size-limit's figures, React is bundled here (as in any app), so nothing is counted for
 * the `import … from "react"` statements an unbundled library keeps, and the peers' optional
 * dependencies are in (size-limit drops this package's optional peers).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { installedVersions } from "./lib/peer-versions";
import { writeResult } from "./lib/results";

const ROOT = join(import.meta.dirname, "..");
// Under the repository, so the apps resolve this checkout's node_modules.
const WORK = join(ROOT, "node_modules", ".cache", "size-app");

interface AppSetup {
  name: string;
  /** What the page imports and renders: the body of `main.jsx`. */
  main: string;
  /** For the reader: where the setup comes from and what it leaves out. */
  setup: string;
}

const MOUNT = `const root = createRoot(document.getElementById("root"));`;

const APPS: AppSetup[] = [
  {
    name: "react",
    setup: "React and ReactDOM alone: the baseline every other figure is measured from",
    main: `import { createRoot } from "react-dom/client";
${MOUNT}
root.render(<p>Hello</p>);`,
  },
  {
    name: "ours",
    setup:
      "`<AgentChat>` with `backendUrlProvider` and `agentcore-react/styles.css`, as the README's quick start",
    main: `import { createRoot } from "react-dom/client";
import { AgentChat, backendUrlProvider } from "agentcore-react";
import "agentcore-react/styles.css";
const urlProvider = backendUrlProvider({ endpoint: "/api/agent-url" });
${MOUNT}
root.render(<AgentChat urlProvider={urlProvider} />);`,
  },
  {
    name: "ours-markdown",
    setup: "the same with `markdown={markdown}` from `agentcore-react/markdown` (docs/chat.md)",
    main: `import { createRoot } from "react-dom/client";
import { AgentChat, backendUrlProvider } from "agentcore-react";
import { markdown } from "agentcore-react/markdown";
import "agentcore-react/styles.css";
const urlProvider = backendUrlProvider({ endpoint: "/api/agent-url" });
${MOUNT}
root.render(<AgentChat urlProvider={urlProvider} markdown={markdown} />);`,
  },
  {
    name: "amplify",
    setup:
      "Amplify UI's `AIConversation` as the Amplify AI kit docs set it up: `Amplify.configure`, `generateClient` from `aws-amplify/api`, `createAIHooks`, `useAIConversation`, and `@aws-amplify/ui-react/styles.css` (its `<Authenticator>` left out)",
    main: `import { createRoot } from "react-dom/client";
import { Amplify } from "aws-amplify";
import { generateClient } from "aws-amplify/api";
import { AIConversation, createAIHooks } from "@aws-amplify/ui-react-ai";
import "@aws-amplify/ui-react/styles.css";
Amplify.configure({
  version: "1.3",
  data: {
    url: "https://example.appsync-api.us-east-1.amazonaws.com/graphql",
    aws_region: "us-east-1",
    default_authorization_type: "AMAZON_COGNITO_USER_POOLS",
    authorization_types: [],
    model_introspection: { version: 1, models: {}, enums: {}, nonModels: {} },
  },
});
const client = generateClient({ authMode: "userPool" });
const { useAIConversation } = createAIHooks(client);
function Chat() {
  const [{ data: { messages }, isLoading }, handleSendMessage] = useAIConversation("chat");
  return <AIConversation messages={messages} isLoading={isLoading} handleSendMessage={handleSendMessage} />;
}
${MOUNT}
root.render(<Chat />);`,
  },
  {
    name: "amplify-component",
    setup:
      "`AIConversation` and its stylesheet alone, messages kept in React state (no data client: it talks to nothing)",
    main: `import { useState } from "react";
import { createRoot } from "react-dom/client";
import { AIConversation } from "@aws-amplify/ui-react-ai";
import "@aws-amplify/ui-react/styles.css";
function Chat() {
  const [messages, setMessages] = useState([]);
  return <AIConversation messages={messages} handleSendMessage={(m) => setMessages((all) => [...all, m])} />;
}
${MOUNT}
root.render(<Chat />);`,
  },
  {
    name: "assistant-ui-primitives",
    setup:
      "assistant-ui's `useLocalRuntime` with a model adapter and a thread from its primitives, unstyled: a floor for its default `Thread`, which adds Tailwind, Radix and lucide icons",
    main: `import { createRoot } from "react-dom/client";
import { AssistantRuntimeProvider, ComposerPrimitive, MessagePrimitive, ThreadPrimitive, useLocalRuntime } from "@assistant-ui/react";
const adapter = { async *run() { yield { content: [{ type: "text", text: "" }] }; } };
const Message = () => <MessagePrimitive.Root><MessagePrimitive.Parts /></MessagePrimitive.Root>;
function Chat() {
  const runtime = useLocalRuntime(adapter);
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <ThreadPrimitive.Root>
        <ThreadPrimitive.Viewport><ThreadPrimitive.Messages components={{ UserMessage: Message, AssistantMessage: Message }} /></ThreadPrimitive.Viewport>
        <ComposerPrimitive.Root><ComposerPrimitive.Input /><ComposerPrimitive.Send>Send</ComposerPrimitive.Send></ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </AssistantRuntimeProvider>
  );
}
${MOUNT}
root.render(<Chat />);`,
  },
  {
    name: "ai-sdk-use-chat",
    setup:
      "the AI SDK's `useChat` with a list and a form, unstyled: a floor for the Vercel AI chatbot template, which adds its own components, Tailwind and more",
    main: `import { useState } from "react";
import { createRoot } from "react-dom/client";
import { useChat } from "@ai-sdk/react";
function Chat() {
  const { messages, sendMessage } = useChat();
  const [input, setInput] = useState("");
  return (
    <div>
      {messages.map((m) => <p key={m.id}>{m.parts.map((p) => (p.type === "text" ? p.text : "")).join("")}</p>)}
      <form onSubmit={(e) => { e.preventDefault(); sendMessage({ text: input }); setInput(""); }}>
        <input value={input} onChange={(e) => setInput(e.target.value)} />
      </form>
    </div>
  );
}
${MOUNT}
root.render(<Chat />);`,
  },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

interface AppFigures {
  /** gzip bytes of what the page loads up front, JS and CSS. */
  initialJs: number;
  initialCss: number;
  /** gzip bytes of every chunk behind `import()`, JS and CSS. */
  lazy: number;
}

const gzipOf = (path: string) => gzipSync(readFileSync(path)).length;

/** Splits the built files into what loads with the page and what loads behind `import()`. */
function measure(outDir: string): AppFigures {
  const manifest = JSON.parse(
    readFileSync(join(outDir, ".vite", "manifest.json"), "utf8"),
  ) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const next of manifest[key]!.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  const figures: AppFigures = { initialJs: 0, initialCss: 0, lazy: 0 };
  const counted = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    const up = initial.has(key);
    for (const file of [chunk.file, ...(chunk.css ?? [])]) {
      if (counted.has(file) || !/\.(js|css)$/.test(file)) continue;
      counted.add(file);
      const bytes = gzipOf(join(outDir, file));
      if (!up) figures.lazy += bytes;
      else if (file.endsWith(".css")) figures.initialCss += bytes;
      else figures.initialJs += bytes;
    }
  }
  return figures;
}

const dist = (file: string) => join(ROOT, "dist", file);

async function buildApp(app: AppSetup): Promise<AppFigures> {
  const dir = join(WORK, app.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>\n`,
  );
  writeFileSync(join(dir, "main.jsx"), `${app.main}\n`);
  await build({
    configFile: false,
    root: dir,
    logLevel: "error",
    plugins: [react()],
    resolve: {
      // This package as an app installs it: its built files, through its export map's names.
      alias: [
        { find: /^agentcore-react\/styles\.css$/, replacement: dist("styles.css") },
        { find: /^agentcore-react\/markdown$/, replacement: dist("markdown.js") },
        { find: /^agentcore-react$/, replacement: dist("index.js") },
      ],
    },
    build: { outDir: join(dir, "out"), manifest: true, emptyOutDir: true },
  });
  return measure(join(dir, "out"));
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);

execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
const built: Record<string, AppFigures> = {};
for (const app of APPS) built[app.name] = await buildApp(app);
const baseline = built.react!;

const apps = APPS.map((app) => {
  const figures = built[app.name]!;
  return {
    name: app.name,
    setup: app.setup,
    ...figures,
    // What the chat adds to the page's first load: its JS beyond React's, and all its CSS.
    addedInitial: figures.initialJs - baseline.initialJs + figures.initialCss - baseline.initialCss,
  };
});

console.log(
  `${"kB gzip".padEnd(26)} ${"adds".padStart(7)} ${"JS".padStart(7)} ${"CSS".padStart(7)} ${"lazy".padStart(7)}`,
);
for (const app of apps) {
  console.log(
    `${app.name.padEnd(26)} ${kB(app.addedInitial)} ${kB(app.initialJs)} ${kB(app.initialCss)} ${kB(app.lazy)}`,
  );
}
const path = writeResult("size-app", {
  tool: "vite build (production, @vitejs/plugin-react), each emitted file gzipped on its own",
  baseline: "react",
  versions: installedVersions([
    "react",
    "vite",
    "@aws-amplify/ui-react-ai",
    "@aws-amplify/ui-react",
    "aws-amplify",
    "@assistant-ui/react",
    "@ai-sdk/react",
  ]),
  apps,
});
console.log(`written to ${path}`);
