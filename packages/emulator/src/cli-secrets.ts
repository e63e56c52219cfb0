/**
 * Secrets for the command line, from the environment or a file only: an argument is visible to
 * every user of the machine (`ps`, shell history), so the secret flags name files instead.
 */

/** Reads a file as text (injected, so parsing stays testable). */
export type ReadTextFile = (path: string) => string;

/** The flags that once took a secret, and what to use instead. */
export const SECRET_FLAGS: Readonly<Record<string, string>> = {
  "secret-access-key": "AWS_SECRET_ACCESS_KEY or --secret-access-key-file <path>",
  "session-token": "AWS_SESSION_TOKEN or --session-token-file <path>",
  "bearer-token": "AGENTCORE_EMULATOR_BEARER_TOKENS or --bearer-token-file <path>",
};

/** The message for a secret given as an argument. */
export function secretOnCommandLine(flag: string): string {
  return `--${flag} is not accepted: an argument is visible to every user of the machine (ps). Use ${SECRET_FLAGS[flag]}`;
}

/** A secret read from `path`, trimmed; an error message when it cannot be read or is empty. */
export function readSecretFile(
  flag: string,
  path: string,
  readFile: ReadTextFile,
): { value: string } | { error: string } {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const code =
      typeof error === "object" && error !== null && "code" in error ? String(error.code) : "error";
    return { error: `--${flag} ${JSON.stringify(path)} cannot be read (${code})` };
  }
  const value = text.trim();
  return value ? { value } : { error: `--${flag} ${JSON.stringify(path)} is empty` };
}

/** Tokens separated by commas, spaces or new lines. */
export function tokenList(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).filter((token) => token !== "");
}
