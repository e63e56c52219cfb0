import type { DemoConfig } from "./demo-config";
import { backendUrlProvider, bearerTokenProvider, type UrlProvider } from "./lib";
import type { DemoSettings } from "./settings";

/**
 * Where the page gets its WebSocket URLs.
 * - `presigned` (the recommended path): the presign backend signs a URL for the signed-in user.
 *   The demo "signs in" with a fixed header; a real app sends its session cookie or token.
 * - `bearer`: an OAuth access token travels in the WebSocket subprotocol (emulator only here).
 */
export function demoUrlProvider(config: DemoConfig, settings: DemoSettings): UrlProvider {
  if (settings.auth === "bearer" && config.emulator) {
    const { url, bearerToken } = config.emulator;
    return bearerTokenProvider({
      runtimeArn: config.runtimeArn,
      endpoint: url,
      getToken: () => bearerToken,
    });
  }
  const ttl = settings.urlTtlSeconds;
  return backendUrlProvider({
    endpoint: config.presignEndpoint,
    headers: { [config.demoUser.header]: config.demoUser.value },
    body: () => (ttl === null ? {} : { expires: ttl }),
  });
}
