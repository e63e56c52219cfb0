import type { DemoConfig } from "./demo-config";
import { agUiCodec, textCodec, type Codec } from "./lib";

/**
 * The text codec plus the cancel frame the emulator's streaming agent understands, so Stop
 * ends the answer on the agent's side without reopening the stream.
 */
export const cancellableTextCodec: Codec<string> = {
  ...textCodec,
  name: "text+cancel",
  cancel: () => JSON.stringify({ type: "cancel" }),
};

/** The codec for the configured agent. A real agent gets the plain text codec (no cancel frame). */
export function demoCodec(config: DemoConfig): Codec<string> {
  if (config.codec === "ag-ui") return agUiCodec;
  return config.mode === "emulator" ? cancellableTextCodec : textCodec;
}
