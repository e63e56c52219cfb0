import { startAgent, type AgentProcess } from "../delivery/agent-process";
import { pythonCommand } from "../delivery/targets";

/**
 * The Python conformance agent of the delivery protocol (python/tests/conformance_agent.py),
 * served for real, with the base URL the emulator forwards to. `restart()` starts a new process
 * on the same port, which is how a test makes the agent lose its replay buffer.
 */
export class DeliveryAgentProcess {
  readonly #process: AgentProcess;

  private constructor(process: AgentProcess) {
    this.#process = process;
  }

  get port(): number {
    return this.#process.port;
  }

  /** The base URL the emulator forwards to. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(port = 0): Promise<DeliveryAgentProcess> {
    return new DeliveryAgentProcess(await startAgent(pythonCommand(), [], port));
  }

  /** Ends this process and starts a new one on the same port (a fresh epoch, an empty buffer). */
  async restart(): Promise<DeliveryAgentProcess> {
    await this.stop();
    return DeliveryAgentProcess.start(this.port);
  }

  async stop(): Promise<void> {
    await this.#process.kill();
  }
}
