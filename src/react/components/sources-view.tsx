import { httpUrl } from "../../core/http-url";
import type { SourcesPart } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";

/** Props of {@link SourcesView}. */
export interface SourcesViewProps {
  part: SourcesPart;
  className?: string;
}

/**
 * The sources an answer draws on, as a numbered list under it: each source's title (else its
 * host) links to it in a new tab (like links in answers), its host follows a title (so a title
 * cannot hide where the link goes), then its snippet. All of it is text; only absolute http(s)
 * URLs are drawn.
 */
export function SourcesView({ part, className }: SourcesViewProps) {
  const { labels } = useChatContext("SourcesView");
  return (
    <div className={cx("acr-sources", className)}>
      <p className="acr-sources__title">{labels.sources}</p>
      <ol className="acr-sources__list">
        {part.sources.map(({ url: href, title, snippet }, index) => {
          const url = httpUrl(href);
          return (
            url && (
              <li key={index}>
                <a href={url.href} target="_blank" rel="noopener noreferrer">
                  {title || url.hostname}
                </a>
                {title && <span className="acr-sources__host">{url.hostname}</span>}
                {snippet && <span className="acr-sources__snippet">{snippet}</span>}
              </li>
            )
          );
        })}
      </ol>
    </div>
  );
}
