import { useEffect, useState } from "react";

interface LongIdProps {
  /** The whole id: shown in full on hover, and what the button copies. */
  value: string;
  /** What it is, for the copy button's name: "Copy {label}". */
  label: string;
  /** The end of the id to keep whole when it does not fit (the rest is cut with "…"). */
  keep: string;
}

/** The part of an ARN after its last colon: `runtime/demo_agent-EMULATOR01`. */
export function arnResource(arn: string): string {
  return arn.slice(arn.lastIndexOf(":") + 1);
}

function CopyIcon({ copied }: { copied: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      {copied ? (
        <path d="M5 12.5l4.5 4.5L19 7.5" />
      ) : (
        <>
          <rect x="8" y="8" width="12" height="12" rx="2" />
          <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
        </>
      )}
    </svg>
  );
}

/**
 * A long id (an ARN, a session id) in monospace on one line: when it does not fit, its start
 * is cut with "…" and its end (`keep`) stays whole, so it never wraps mid-token. The full id is
 * in the tooltip and one click away on the clipboard.
 */
export function LongId({ value, label, keep }: LongIdProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const tail = keep && value.endsWith(keep) ? keep : "";
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="demo-id">
      <code className="demo-id__text" title={value}>
        <span className="demo-id__head">{value.slice(0, value.length - tail.length)}</span>
        <span className="demo-id__tail">{tail}</span>
      </code>
      <button
        type="button"
        className="demo-icon-button"
        aria-label={`Copy ${label}`}
        title={`Copy ${label}`}
        onClick={copy}
        data-copied={copied || undefined}
      >
        <CopyIcon copied={copied} />
      </button>
      <span className="demo-visually-hidden" role="status">
        {copied ? `${label[0]!.toUpperCase()}${label.slice(1)} copied` : ""}
      </span>
    </span>
  );
}
