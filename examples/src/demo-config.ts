/**
 * What the demo page learns from the dev server at start-up (`GET /demo-config.json`): where
 * the presign backend and the emulator listen, and how to talk to the agent. Shared by the
 * page and the Node side (type-only there), so it holds no Node or DOM code.
 */
export interface DemoConfig {
  /** `emulator`: everything local. `aws`: the real AgentCore Runtime service. */
  mode: "emulator" | "aws";
  runtimeArn: string;
  region: string;
  /** The presign backend's endpoint (`createPresignHandler`), on its own origin. */
  presignEndpoint: string;
  /** The demo sign-in: a fixed header the demo backend accepts. Demo only. */
  demoUser: { header: string; value: string };
  /** How messages are encoded: `text` (`{"inputText": ...}`) or `ag-ui`. */
  codec: DemoCodecName;
  /** Whether the agent speaks the delivery protocol, so the page turns it on. */
  delivery: boolean;
  /**
   * Whether the agent is the emulator's voice agent: the page talks to it with the binary PCM
   * codec and `<AgentChat voice>` (voice mode).
   */
  voice: boolean;
  /** Present in emulator mode only. */
  emulator: DemoEmulatorInfo | null;
}

/** The emulator as the page sees it. */
export interface DemoEmulatorInfo {
  /** `ws://127.0.0.1:PORT`: the data-plane endpoint (for the bearer path). */
  url: string;
  /** `http://127.0.0.1:PORT/__emulator`: the control endpoint the fault panel calls. */
  controlUrl: string;
  /** An OAuth token the emulator accepts, for the bearer-subprotocol path. Demo only. */
  bearerToken: string;
}

export type DemoCodecName = "text" | "ag-ui";

/** Path the dev server serves the config at. */
export const DEMO_CONFIG_PATH = "/demo-config.json";
/** Path of the presign endpoint on the backend. */
export const PRESIGN_PATH = "/api/agent-url";
/** The header and the value of the demo sign-in. Anyone can send it: never do this for real. */
export const DEMO_USER_HEADER = "x-demo-user";
export const DEMO_USER = "demo-user";
/** The same sign-in as a cookie, for trying the backend with curl or a browser tab. */
export const DEMO_USER_COOKIE = "agentcore_demo_user";
/** The OAuth token the demo emulator accepts on the bearer path. */
export const DEMO_BEARER_TOKEN = "demo-oauth-token-for-the-local-emulator";
/** The runtime the emulator pretends to host. */
export const DEMO_RUNTIME_ARN =
  "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/demo_agent-EMULATOR01";
export const DEMO_REGION = "us-west-2";
