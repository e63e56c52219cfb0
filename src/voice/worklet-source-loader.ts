/**
 * The voice worklet module's source text, for pages that serve it themselves and pass its URL
 * as `workletUrl` (a Content-Security-Policy without `blob:` scripts). Loaded with `import()`,
 * so the voice entry does not carry the worklet's code.
 */
export async function voiceWorkletSource(): Promise<string> {
  const { buildVoiceWorkletSource } = await import("./worklet-source");
  return buildVoiceWorkletSource();
}
