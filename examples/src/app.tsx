import { useMemo, useState } from "react";
import { demoCodec } from "./demo-codec";
import { demoVoiceSetup, useDemoVoice } from "./demo-voice";
import type { DemoConfig } from "./demo-config";
import { EmulatorControl } from "./emulator-control";
import { AgentChat, useAgentRuntimeStore } from "./lib";
import { deliveryProtocol } from "./lib-delivery";
import { markdown } from "./lib-markdown";
import { indexedDbPersistence } from "./lib-persist";
import { SettingsBar } from "./settings-bar";
import { settingsSearch, type DemoSettings } from "./settings";
import { SidePanel } from "./side-panel";
import type { SimulatedNetwork } from "./simulated-network";
import { demoUrlProvider } from "./url-provider";

interface AppProps {
  config: DemoConfig;
  settings: DemoSettings;
  network: SimulatedNetwork;
}

const SUGGESTIONS = ["What can you do?", "Tell me a long story", "How do reconnects work?"];

/** Where the demo keeps its conversations between page loads: one storage for the page. */
const persistence = indexedDbPersistence();

/** The demo: `<AgentChat>` on the left, the connection and the fault panel on the right. */
export function App({ config, settings, network }: AppProps) {
  const urlProvider = useMemo(() => demoUrlProvider(config, settings), [config, settings]);
  // Only for an agent that speaks the delivery protocol (`--agent delivery`): a plain agent
  // would read its frames as messages.
  const delivery = useMemo(
    () => (config.delivery ? deliveryProtocol() : undefined),
    [config.delivery],
  );
  // With delivery on, the conversation is also kept between page loads: reload mid-answer
  // and the answer carries on. One conversation per choice of settings.
  const persist = useMemo(
    () =>
      config.delivery
        ? { storage: persistence, key: `demo-delivery${settingsSearch(settings)}` }
        : undefined,
    [config.delivery, settings],
  );
  // The page owns the conversation, so the side panel can watch its connection. This hook does
  // not re-render App as answers stream; the chat and the panel subscribe to what they show.
  // Voice mode (`--agent voice`): the binary PCM codec, and a transport that lets the call send
  // audio on the conversation's socket.
  const [voiceSetup] = useState(() => demoVoiceSetup(config.voice));
  const conversation = useAgentRuntimeStore({
    urlProvider,
    codec: voiceSetup?.codec ?? demoCodec(config),
    ...(voiceSetup ? { WebSocket: voiceSetup.transport.WebSocket } : {}),
    onlineSource: network,
    delivery,
    ...(persist ? { persist } : {}),
  });
  const voice = useDemoVoice(conversation, voiceSetup);
  const control = useMemo(
    () => (config.emulator ? new EmulatorControl(config.emulator.controlUrl) : null),
    [config.emulator],
  );

  return (
    <div className="demo">
      <SettingsBar config={config} settings={settings} />
      <main className="demo-layout">
        <div className="demo-chat">
          <AgentChat
            chat={conversation}
            markdown={markdown}
            suggestions={voice ? [] : SUGGESTIONS}
            voice={voice}
            placeholder={voice ? "Press the microphone to talk, or type…" : undefined}
            autoFocus
          />
        </div>
        <SidePanel conversation={conversation} control={control} network={network} voice={voice} />
      </main>
    </div>
  );
}
