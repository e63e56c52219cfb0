/** What the handler knows about a request while it answers it. */
export interface RequestState {
  /** Who is asking, once `authorize` said so. */
  principal?: string;
  /** The client address as a rate-limit key, when known. */
  clientAddress?: string;
  /** CORS headers every answer to this request carries. */
  corsHeaders: Record<string, string>;
}
