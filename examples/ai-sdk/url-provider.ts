/**
 * Where the example gets its presigned WebSocket URLs: the local demo stack's presign backend
 * (`npm start`), found through the demo's config and "signed in" with the demo's fixed header.
 * In your app this is one line: `backendUrlProvider({ endpoint: "/api/agent-url" })`.
 */
import type { UrlProvider } from "../../src/index";
import { backendUrlProvider } from "../../src/index";
import { DEMO_CONFIG_PATH, type DemoConfig } from "../src/demo-config";

let config: Promise<DemoConfig> | undefined;

export const urlProvider: UrlProvider = async (context) => {
  config ??= fetch(DEMO_CONFIG_PATH).then((response) => response.json() as Promise<DemoConfig>);
  const { presignEndpoint, demoUser } = await config;
  const provider = backendUrlProvider({
    endpoint: presignEndpoint,
    headers: { [demoUser.header]: demoUser.value },
  });
  return provider(context);
};
