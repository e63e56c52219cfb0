import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DEMO_CONFIG_PATH, type DemoConfig } from "../src/demo-config";
import { MyRuntimeProvider } from "./runtime-provider";
import { Thread } from "./thread";

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element");
const root = createRoot(container);

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
          <MyRuntimeProvider config={config}>
            <Thread />
          </MyRuntimeProvider>
        </StrictMode>,
      ),
    (error: unknown) =>
      root.render(<p role="alert">Could not load the configuration ({String(error)}).</p>),
  );
