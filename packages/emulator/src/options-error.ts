/**
 * A bad option or argument given to the emulator: to `startEmulator` (credentials,
 * region, port, limits, agent, faults, ...), to a built-in agent's factory, to the verifiers'
 * credentials, or to an `AgentSocket` call (a close code a server may not send, a frame
 * that is neither text nor bytes). The message names the option and what was wrong with it.
 *
 * A fault command sent at runtime (`emulator.faults`, `POST /__emulator/faults`) is refused
 * with a `FaultCommandError` instead.
 */
export class EmulatorOptionsError extends Error {
  override readonly name: string = "EmulatorOptionsError";
}
