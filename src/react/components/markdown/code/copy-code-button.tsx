import { useEffect, useState } from "react";
import { useMarkdownLabels } from "../use-markdown-labels";

type CopyState = "idle" | "copied" | "failed";

/** How long "Copied" or "Copy failed" shows before the button reads "Copy code" again. */
const RESET_MS = 2_000;

/**
 * Copies `code` with the Clipboard API. Its text is its accessible name: "Copy code", then
 * "Copied" or "Copy failed" (no clipboard, no permission) for a moment, also said through the
 * chat's polite live region.
 */
export function CopyCodeButton({ code }: { code: string }) {
  const { labels, announce } = useMarkdownLabels();
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return undefined;
    const timer = setTimeout(() => setState("idle"), RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    let next: CopyState = "copied";
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      next = "failed";
    }
    setState(next);
    announce?.(next === "copied" ? labels.codeCopied : labels.copyCodeFailed);
  };
  const text = {
    idle: labels.copyCode,
    copied: labels.codeCopied,
    failed: labels.copyCodeFailed,
  }[state];
  return (
    <button
      type="button"
      className="acr-code-block__copy"
      data-state={state}
      onClick={() => void copy()}
    >
      {text}
    </button>
  );
}
