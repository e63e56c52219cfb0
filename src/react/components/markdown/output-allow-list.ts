/**
 * What agent markdown may turn into, after every plugin: the elements and attributes that
 * markdown, GFM (`remark-gfm`) and KaTeX (`rehype-katex`) produce, and a few harmless ones
 * other plugins commonly use. Names are hast's (`className`, `ariaHidden`, `viewBox`).
 */

/** Removed with everything inside them: what runs, loads or is not meant as text. */
export const DROPPED_ELEMENTS = new Set(
  (
    "script style iframe frame frameset object embed applet noscript template textarea select " +
    "option title head meta link base foreignObject annotation-xml"
  ).split(" "),
);

const HTML =
  "a abbr b blockquote br caption cite code dd del details div dl dt em figcaption figure h1 " +
  "h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p pre q s samp section small span strong " +
  "sub summary sup table tbody td tfoot th thead tr u ul var";
const MATHML =
  "math semantics annotation mrow mi mn mo ms mtext mspace msup msub msubsup mfrac msqrt " +
  "mroot mstyle mpadded mphantom menclose mover munder munderover mtable mtr mtd mlabeledtr";
const SVG = "svg path line";

/** Kept; any other element is replaced by its children (its text stays). */
export const ALLOWED_ELEMENTS = new Set(`${HTML} ${MATHML} ${SVG}`.split(" "));

/** Attributes any allowed element may keep. */
const GLOBAL_ATTRIBUTES = ["className", "title", "dir", "lang", "ariaHidden", "ariaLabel"];

/** Attributes only some elements may keep. */
export const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href", "dataFootnoteRef", "dataFootnoteBackref", "ariaDescribedBy"],
  img: ["src", "alt"],
  ol: ["start"],
  td: ["align", "colSpan", "rowSpan"],
  th: ["align", "colSpan", "rowSpan"],
  input: ["type", "checked", "disabled"],
  section: ["dataFootnotes"],
  math: ["xmlns", "display"],
  annotation: ["encoding"],
  mi: ["mathvariant"],
  mo: ["stretchy", "minsize", "maxsize", "fence", "separator", "lspace", "rspace"],
  mfrac: ["linethickness"],
  mstyle: ["mathcolor", "mathbackground", "scriptlevel", "displaystyle"],
  mpadded: ["width", "height", "depth", "lspace", "voffset", "mathbackground"],
  mspace: ["width", "height", "depth", "mathbackground"],
  mover: ["accent"],
  munder: ["accentunder"],
  menclose: ["notation"],
  mtable: ["rowspacing", "columnalign", "columnspacing", "rowlines", "columnlines"],
  svg: ["xmlns", "width", "height", "viewBox", "preserveAspectRatio"],
  path: ["d"],
  line: ["x1", "y1", "x2", "y2", "strokeWidth"],
};

export function allowedAttribute(tagName: string, name: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(name) || (ELEMENT_ATTRIBUTES[tagName]?.includes(name) ?? false);
}

/** CSS properties an inline `style` may set: the ones KaTeX lays formulas out with. */
const STYLE_PROPERTIES = new Set(
  (
    "height width min-width vertical-align top bottom left right position margin-left " +
    "margin-right margin-top margin-bottom padding-left padding-right border-style " +
    "border-width border-top-width border-bottom-width border-right-width color background-color"
  ).split(" "),
);

/** A value of lengths, numbers, keywords and colours: no `url(`, no function, no escape. */
const SAFE_STYLE_VALUE = /^[\w\s.%#+-]*$/;

/**
 * `style` with only the declarations KaTeX uses, each with a plain value; `position` only
 * `relative` or `absolute` (never `fixed`, which could cover the page). `undefined` if nothing
 * is left.
 */
export function safeStyle(style: string): string | undefined {
  const kept = style.split(";").filter((declaration) => {
    const colon = declaration.indexOf(":");
    if (colon === -1) return false;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!STYLE_PROPERTIES.has(property) || !SAFE_STYLE_VALUE.test(value)) return false;
    return property !== "position" || value === "relative" || value === "absolute";
  });
  return kept.length > 0 ? kept.join(";") : undefined;
}
