import { useEffect, useState } from "react";
import { ConnectionPanel } from "./connection-panel";
import { ConnectionTimeline } from "./connection-timeline";
import type { EmulatorControl } from "./emulator-control";
import { EmulatorLogPanel } from "./emulator-log-panel";
import { FaultPanel } from "./fault-panel";
import { useConversation, type Conversation, type ConversationState } from "./lib";
import type { AgentVoice } from "./lib-voice";
import type { SimulatedNetwork } from "./simulated-network";
import { TimelinePanel } from "./timeline-panel";
import { VoiceStatsPanel } from "./voice-stats-panel";

interface SidePanelProps {
  conversation: Conversation;
  control: EmulatorControl | null;
  network: SimulatedNetwork;
  /** Voice mode's call, or `null`. */
  voice: AgentVoice | null;
}

const selectConnection = (state: ConversationState) => state.connection;

/** Everything beside the chat: the live connection, its timeline, the faults, the emulator log. */
export function SidePanel({ conversation, control, network, voice }: SidePanelProps) {
  // Re-renders when the connection changes, never per streamed chunk.
  const snapshot = useConversation(conversation, selectConnection);
  const connection = conversation.connection;
  // The timeline records straight from the connection, so no intermediate state is lost.
  const [timeline] = useState(() => new ConnectionTimeline());
  useEffect(() => (connection ? timeline.record(connection) : undefined), [timeline, connection]);
  return (
    <aside className="demo-side" aria-label="Connection and faults">
      {voice && <VoiceStatsPanel voice={voice} />}
      <ConnectionPanel snapshot={snapshot} />
      <TimelinePanel timeline={timeline} />
      <FaultPanel control={control} network={network} actions={conversation} />
      {control && <EmulatorLogPanel control={control} sessionId={snapshot.sessionId} />}
    </aside>
  );
}
