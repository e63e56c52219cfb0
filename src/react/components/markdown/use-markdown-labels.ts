import { useContext } from "react";
import { ChatContext } from "../chat-context";
import { defaultLabels } from "../labels";
import { defaultMarkdownLabels } from "./markdown-labels";

/** The chat's labels with the markdown ones filled in, and its live region when there is one. */
export function useMarkdownLabels() {
  const chat = useContext(ChatContext);
  const labels = chat?.labels ?? defaultLabels;
  return {
    labels: {
      copyCode: labels.copyCode ?? defaultMarkdownLabels.copyCode,
      codeCopied: labels.codeCopied ?? defaultMarkdownLabels.codeCopied,
      copyCodeFailed: labels.copyCodeFailed ?? defaultMarkdownLabels.copyCodeFailed,
      table: labels.table ?? defaultMarkdownLabels.table,
    },
    announce: chat?.announce,
  };
}
