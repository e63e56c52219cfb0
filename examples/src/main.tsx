import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../../src/react/styles.css";
import "./demo.css";
import { App } from "./app";
import { DEMO_CONFIG_PATH, type DemoConfig } from "./demo-config";
import { readSettings } from "./settings";
import { createSimulatedNetwork } from "./simulated-network";

const container = document.getElementById("root");
if (!container) throw new Error("The demo page has no #root element");
const root = createRoot(container);
const network = createSimulatedNetwork();

fetch(DEMO_CONFIG_PATH)
  .then((response) => {
    if (!response.ok) throw new Error(`The dev server answered ${response.status}`);
    return response.json() as Promise<DemoConfig>;
  })
  .then(
    (config) =>
      root.render(
        // StrictMode mounts twice in development: the demo shows it still opens one socket.
        <StrictMode>
          <App
            config={config}
            settings={readSettings(window.location.search, config)}
            network={network}
          />
        </StrictMode>,
      ),
    (error: unknown) =>
      root.render(
        <p role="alert">
          Could not load the demo configuration ({String(error)}). Is <code>npm start</code> still
          running?
        </p>,
      ),
  );
