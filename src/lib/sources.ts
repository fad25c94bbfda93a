/** Source links: an address recorded without scheme becomes an https link, unless it was shortened. */
export interface SourceLike {
  ref: string;
  partial: boolean;
}

export function sourceHref(source: SourceLike): string | undefined {
  if (source.partial) return undefined;
  return `https://${source.ref.replace(/^https?:\/\//, '')}`;
}
