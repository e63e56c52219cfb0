import { fileURLToPath } from "node:url";
import { createServer, type Plugin, type ViteDevServer } from "vite";
import { DEMO_CONFIG_PATH, type DemoConfig } from "../src/demo-config";
import { isAddressInUse, portInUse } from "./errors";

/** The demo app's sources (the Vite root). */
export const EXAMPLES_DIR = fileURLToPath(new URL("..", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Options of {@link startDemoApp}. */
export interface DemoAppOptions {
  port: number;
  host: string;
  config: DemoConfig;
  /** Where Vite keeps pre-bundled dependencies. Default `node_modules/.vite/demo`. */
  cacheDir?: string;
  /** Vite's own console output. Default `warn`. */
  logLevel?: "info" | "warn" | "error" | "silent";
}

/** The running demo app. */
export interface DemoApp {
  /** `http://HOST:PORT/`: the page to open. */
  readonly url: string;
  /** `http://HOST:PORT`. */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the config the page reads at start-up. */
function demoConfigPlugin(config: DemoConfig): Plugin {
  const body = JSON.stringify(config);
  return {
    name: "agentcore-demo-config",
    configureServer(server) {
      server.middlewares.use(DEMO_CONFIG_PATH, (_request, response) => {
        response.setHeader("content-type", "application/json");
        response.setHeader("cache-control", "no-store");
        response.end(body);
      });
    },
  };
}

/**
 * Starts the Vite dev server of the demo app (`examples/`), which imports the library straight
 * from `src/`, so edits to the library reload the page.
 */
export async function startDemoApp(options: DemoAppOptions): Promise<DemoApp> {
  let server: ViteDevServer | undefined;
  try {
    server = await createServer({
      configFile: false,
      root: EXAMPLES_DIR,
      cacheDir: options.cacheDir ?? `${REPO_ROOT}node_modules/.vite/demo`,
      logLevel: options.logLevel ?? "warn",
      clearScreen: false,
      appType: "spa",
      server: {
        host: options.host,
        port: options.port,
        strictPort: true,
        fs: { allow: [REPO_ROOT] },
      },
      // Pre-bundle everything the page imports up front, so the first load never triggers a
      // re-optimisation and a full reload.
      optimizeDeps: {
        entries: ["index.html"],
        include: [
          "react",
          "react/jsx-runtime",
          "react/jsx-dev-runtime",
          "react-dom/client",
          "react-markdown",
        ],
      },
      plugins: [demoConfigPlugin(options.config)],
    });
    await server.listen();
  } catch (error) {
    await server?.close().catch(() => {});
    if (isAddressInUse(error)) throw portInUse("app", options.host, options.port, error);
    throw error;
  }
  const address = server.httpServer?.address();
  const port = address && typeof address === "object" ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const origin = `http://${host}:${port}`;
  const running = server;
  return { url: `${origin}/`, origin, port, close: () => running.close() };
}
