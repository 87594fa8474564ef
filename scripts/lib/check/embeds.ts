/** Where an article may embed an <iframe> from: video and maps services the department actually uses. */

export interface AllowedEmbed {
  /** Shown to editors in messages and in the guide. */
  name: string;
  /** The iframe's src must start with one of these. */
  prefixes: string[];
}

// Keep in step with the Content-Security-Policy's frame-src (scripts/lib/headers.ts): the browser blocks any
// frame the policy does not list, whatever this checker accepts.
export const ALLOWED_EMBEDS: AllowedEmbed[] = [
  { name: "YouTube", prefixes: ["https://www.youtube-nocookie.com/embed/", "https://www.youtube.com/embed/"] },
  { name: "Google Maps", prefixes: ["https://www.google.com/maps/embed"] },
];

/** The allowed embed this src belongs to, if any. */
export function findEmbed(src: string): AllowedEmbed | undefined {
  const value = src.trim();
  return ALLOWED_EMBEDS.find((embed) => embed.prefixes.some((prefix) => value.startsWith(prefix)));
}

/** Origins of the allowed embeds, for the policy's frame-src. */
export function embedOrigins(): string[] {
  return [...new Set(ALLOWED_EMBEDS.flatMap((embed) => embed.prefixes.map((prefix) => new URL(prefix).origin)))];
}
