import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DEMO_CONFIG_PATH, type DemoConfig } from "../src/demo-config";
import { MyLocalRuntimeProvider } from "./model-adapter-provider";
import { MyRuntimeProvider } from "./runtime-provider";
import { Thread } from "./thread";

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element");
const root = createRoot(container);
// `?runtime=local`: the light path, assistant-ui's local runtime on `agentCoreModelAdapter`.
const local = new URLSearchParams(location.search).get("runtime") === "local";
const Provider = local ? MyLocalRuntimeProvider : MyRuntimeProvider;

// `npm start` serves this page at /assistant-ui/ and says where its presign backend listens.
fetch(DEMO_CONFIG_PATH)
  .then((response) => {
    if (!response.ok) throw new Error(`The dev server answered ${response.status}`);
    return response.json() as Promise<DemoConfig>;
  })
  .then(
    (config) =>
      root.render(
        <StrictMode>
          <Provider config={config}>
            <Thread status={!local} />
          </Provider>
        </StrictMode>,
      ),
    (error: unknown) =>
      root.render(<p role="alert">Could not load the configuration ({String(error)}).</p>),
  );
