import { useEffect, useMemo, useState } from "react";
import { ConnectionPanel } from "./connection-panel";
import { ConnectionTimeline } from "./connection-timeline";
import { demoCodec } from "./demo-codec";
import type { DemoConfig } from "./demo-config";
import { EmulatorControl } from "./emulator-control";
import { EmulatorLogPanel } from "./emulator-log-panel";
import { FaultPanel } from "./fault-panel";
import { InterimChatView } from "./interim-chat";
import { useAgentRuntimeSocket } from "./lib";
import { SettingsBar } from "./settings-bar";
import type { DemoSettings } from "./settings";
import type { SimulatedNetwork } from "./simulated-network";
import { TimelinePanel } from "./timeline-panel";
import { demoUrlProvider } from "./url-provider";

interface AppProps {
  config: DemoConfig;
  settings: DemoSettings;
  network: SimulatedNetwork;
}

/** The demo: the chat on the left, the connection and the fault panel on the right. */
export function App({ config, settings, network }: AppProps) {
  const urlProvider = useMemo(() => demoUrlProvider(config, settings), [config, settings]);
  const chat = useAgentRuntimeSocket({
    urlProvider,
    codec: demoCodec(config),
    onlineSource: network,
  });
  // Record every state change straight from the connection (the panel's timeline).
  const [timeline] = useState(() => new ConnectionTimeline());
  useEffect(
    () => (chat.connection ? timeline.record(chat.connection) : undefined),
    [timeline, chat.connection],
  );
  const control = useMemo(
    () => (config.emulator ? new EmulatorControl(config.emulator.controlUrl) : null),
    [config.emulator],
  );

  return (
    <div className="demo">
      <SettingsBar config={config} settings={settings} />
      <main className="demo-layout">
        <div className="demo-chat">
          <InterimChatView chat={chat} />
        </div>
        <aside className="demo-side" aria-label="Connection and faults">
          <ConnectionPanel snapshot={chat.connectionState} />
          <TimelinePanel timeline={timeline} />
          <FaultPanel control={control} network={network} actions={chat} />
          {control && (
            <EmulatorLogPanel control={control} sessionId={chat.connectionState.sessionId} />
          )}
        </aside>
      </main>
    </div>
  );
}
