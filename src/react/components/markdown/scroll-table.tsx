import type { ComponentProps } from "react";
import type { ExtraProps } from "react-markdown";
import { useMarkdownLabels } from "./use-markdown-labels";

/** A hast node, as far as naming a table needs it. */
interface TableNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: readonly TableNode[];
}

const textOf = (node: TableNode): string =>
  node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");

/** The texts of the first row's cells (the header row of a GFM table), trimmed. */
function headerTexts(table: TableNode | undefined): string[] {
  const elements = (node: TableNode | undefined) =>
    (node?.children ?? []).filter((child) => child.type === "element");
  const section = elements(table)[0];
  const row = section?.tagName === "tr" ? section : elements(section)[0];
  return elements(row).map((cell) => textOf(cell).trim());
}

/**
 * A markdown table in a region that scrolls sideways instead of widening the chat. The region
 * can be focused to scroll with the keyboard, and is named after the table's columns
 * ("Table: Region, Latency, Price"), so several tables on a page have different names.
 */
export function ScrollTable({ node, ...rest }: ComponentProps<"table"> & ExtraProps) {
  const { labels } = useMarkdownLabels();
  return (
    <div
      className="acr-markdown__table"
      role="region"
      aria-label={labels.table(headerTexts(node))}
      tabIndex={0}
    >
      <table {...rest} />
    </div>
  );
}
