import type { MarkdownLabels } from "../labels";

/** The English defaults of {@link MarkdownLabels}. */
export const defaultMarkdownLabels: MarkdownLabels = {
  copyCode: "Copy code",
  codeCopied: "Copied",
  copyCodeFailed: "Copy failed",
  table: (columns) => {
    const named = columns.filter(Boolean).join(", ");
    return named ? `Table: ${named.length > 80 ? `${named.slice(0, 79)}…` : named}` : "Table";
  },
};
