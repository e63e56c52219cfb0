import { AssistantRuntimeProvider, useLocalRuntime } from "@assistant-ui/react";
import { useState, type ReactNode } from "react";
import { demoCodec } from "../src/demo-codec";
import type { DemoConfig } from "../src/demo-config";
import { agentCoreModelAdapter, backendUrlProvider } from "./lib";

/**
 * The light variant (`?runtime=local`): assistant-ui's own `useLocalRuntime`, as its
 * getting-started guide writes it, with `agentCoreModelAdapter` as the model adapter. Make the
 * adapter once (module scope, or `useState` as here, where the config arrives at run time).
 */
export function MyLocalRuntimeProvider({
  config,
  children,
}: {
  config: DemoConfig;
  children: ReactNode;
}) {
  const [adapter] = useState(() =>
    agentCoreModelAdapter({
      urlProvider: backendUrlProvider({
        endpoint: config.presignEndpoint,
        headers: { [config.demoUser.header]: config.demoUser.value },
      }),
      codec: demoCodec(config),
    }),
  );
  const runtime = useLocalRuntime(adapter);
  return <AssistantRuntimeProvider runtime={runtime}>{children}</AssistantRuntimeProvider>;
}
