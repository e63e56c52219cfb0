import {
  ALLOWED_ELEMENTS,
  DROPPED_ELEMENTS,
  allowedAttribute,
  safeStyle,
} from "./output-allow-list";

/** A hast node, as far as the sanitizer needs it. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Ids a page may hold from agent output: GFM footnotes' own, which remark prefixes. */
const ID_PREFIX = "user-content-";

function cleanProperties(tagName: string, properties: Record<string, unknown>) {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (name === "style") {
      const style = typeof value === "string" ? safeStyle(value) : undefined;
      if (style !== undefined) kept.style = style;
    } else if (name === "id") {
      if (typeof value === "string" && value.startsWith(ID_PREFIX)) kept.id = value;
    } else if (allowedAttribute(tagName, name)) {
      kept[name] = value;
    }
  }
  // Only GFM's task-list checkboxes, which nobody can tick.
  if (tagName === "input") {
    if (kept.type !== "checkbox") return null;
    kept.disabled = true;
  }
  return kept;
}

/** The children of `node`, each cleaned: dropped, unwrapped or kept with allowed attributes. */
function cleanChildren(children: HastNode[]): HastNode[] {
  const out: HastNode[] = [];
  for (const child of children) {
    if (child.type === "element") {
      const tagName = child.tagName ?? "";
      if (DROPPED_ELEMENTS.has(tagName)) continue;
      const inner = cleanChildren(child.children ?? []);
      const properties = ALLOWED_ELEMENTS.has(tagName)
        ? cleanProperties(tagName, child.properties ?? {})
        : null;
      if (properties) out.push({ ...child, properties, children: inner });
      else out.push(...inner);
    } else if (child.type === "text" || child.type === "raw") {
      // `raw` (HTML a plugin left) becomes text later in react-markdown; comments go.
      out.push(child);
    }
  }
  return out;
}

/**
 * A rehype plugin that runs after every plugin of the app: only the elements and attributes
 * of `output-allow-list.ts` reach the page. Script-like elements go with their content, other
 * unknown elements are replaced by their content, unknown attributes (`on*` included) go,
 * inline styles keep only KaTeX's layout properties, and ids only GFM footnotes' prefixed
 * ones. URLs are checked afterwards by react-markdown's `urlTransform`.
 */
export function rehypeSanitizeOutput() {
  return (tree: HastNode) => {
    tree.children = cleanChildren(tree.children ?? []);
  };
}
