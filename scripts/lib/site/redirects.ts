/** Netlify's _redirects file, written as plain text: one "alias url 301" line per old address. */

/**
 * Aliases are checked to be plain paths (content/schema.ts aliasProblem): no space, no redirect syntax, so each
 * line parses as exactly one rule from the alias to its page.
 */
export function formatRedirects(items: readonly { url: string; aliases: readonly string[] }[]): string {
  const rules = items.flatMap((item) => item.aliases.map((alias) => `${alias} ${item.url} 301`));
  return ["# Old portal addresses (front-matter aliases) move for good to the new ones.", ...rules, ""].join("\n");
}
