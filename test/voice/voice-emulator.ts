/**
 * Vitest global setup for the browser project's voice tests: the fake microphone's WAV file
 * (Chromium opens it when it starts, after this setup), and the emulator with its voice agent,
 * taking a bearer token (the browser sends it as a subprotocol). The agent answers each second
 * of audio it hears with a 1.5 s tone, sent up to a second ahead of real time. Over Nova Sonic
 * and Strands it takes 500 ms of audio heard while it speaks as the user talking over it. A
 * second emulator's voice agent also makes a tool call before its first answer.
 */
import type { TestProject } from "vitest/node";
import { startEmulator, voiceAgent } from "../../packages/emulator/src/index";
import { writeFakeMicrophone } from "./fake-microphone";

/** What the voice tests need to reach the emulator. */
export interface VoiceEmulator {
  endpoint: string;
  runtimeArn: string;
  token: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    voiceEmulator: VoiceEmulator;
    voiceToolEmulator: VoiceEmulator;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  writeFakeMicrophone();
  const token = "voice-test-token";
  // A second ahead of real time: other test files share the page's main thread, which passes
  // agent audio on to the playback worklet, and may stall it on a loaded machine.
  const options = { replyAfterSamples: 16_000, replyMs: 1_500, leadMs: 1_000, bargeInMs: 500 };
  const emulator = await startEmulator({ bearerTokens: [token], agent: voiceAgent(options) });
  const toolCall = { name: "get_time", input: { zone: "UTC" }, result: "12:00" };
  const tools = await startEmulator({
    bearerTokens: [token],
    agent: voiceAgent({ ...options, toolCall }),
  });
  const runtimeArn =
    "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/voice_test-Abc123XyZ";
  project.provide("voiceEmulator", { endpoint: emulator.url, runtimeArn, token });
  project.provide("voiceToolEmulator", { endpoint: tools.url, runtimeArn, token });
  return async () => {
    await Promise.all([emulator.close(), tools.close()]);
  };
}
