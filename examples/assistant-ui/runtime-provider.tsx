import { AssistantRuntimeProvider } from "@assistant-ui/react";
import type { ReactNode } from "react";
import { demoCodec } from "../src/demo-codec";
import type { DemoConfig } from "../src/demo-config";
import { backendUrlProvider, useAgentCoreRuntime } from "./lib";

/**
 * assistant-ui's runtime provider as its getting-started guide writes it, with one change: the
 * runtime comes from `useAgentCoreRuntime` instead of `useLocalRuntime(MyModelAdapter)`.
 */
export function MyRuntimeProvider({
  config,
  children,
}: {
  config: DemoConfig;
  children: ReactNode;
}) {
  const runtime = useAgentCoreRuntime({
    // Your presign endpoint; the demo backend's sign-in is a fixed header (a real app sends its
    // session cookie or token).
    urlProvider: backendUrlProvider({
      endpoint: config.presignEndpoint,
      headers: { [config.demoUser.header]: config.demoUser.value },
    }),
    // `textCodec` (the default) for plain text agents, `agUiCodec` for AG-UI ones.
    codec: demoCodec(config),
  });
  return <AssistantRuntimeProvider runtime={runtime}>{children}</AssistantRuntimeProvider>;
}
