import { useEffect, useMemo, useState } from "react";
import { ConnectionPanel } from "./connection-panel";
import { ConnectionTimeline } from "./connection-timeline";
import { demoCodec } from "./demo-codec";
import type { DemoConfig } from "./demo-config";
import { EmulatorControl } from "./emulator-control";
import { EmulatorLogPanel } from "./emulator-log-panel";
import { FaultPanel } from "./fault-panel";
import { InterimChatView } from "./interim-chat";
import { SettingsBar } from "./settings-bar";
import type { DemoSettings } from "./settings";
import type { SimulatedNetwork } from "./simulated-network";
import { TimelinePanel } from "./timeline-panel";
import { demoUrlProvider } from "./url-provider";
import { useInterimChat } from "./use-interim-chat";

interface AppProps {
  config: DemoConfig;
  settings: DemoSettings;
  network: SimulatedNetwork;
}

/** The demo: the chat on the left, the connection and the fault panel on the right. */
export function App({ config, settings, network }: AppProps) {
  const chat = useInterimChat({
    urlProvider: demoUrlProvider(config, settings),
    codec: demoCodec(config),
    onlineSource: network,
  });
  const [timeline] = useState(() => new ConnectionTimeline());
  useEffect(() => timeline.record(chat.connection), [timeline, chat.connection]);
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
          <FaultPanel control={control} network={network} actions={chat} />
          <TimelinePanel timeline={timeline} />
          {control && (
            <EmulatorLogPanel control={control} sessionId={chat.connectionState.sessionId} />
          )}
        </aside>
      </main>
    </div>
  );
}
