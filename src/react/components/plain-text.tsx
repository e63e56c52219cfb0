/** Agent or user text as text: React escapes it, line breaks are kept by CSS. */
export function PlainText({ text }: { text: string }) {
  return <div className="acr-text">{text}</div>;
}
