/** Template filters, shared by the Eleventy build and the on-demand preview so both render alike. */
import type { DateTime } from "luxon";
import { formatDate, formatDateTime, isoDateTime } from "../content/dates.ts";
import { latestGoLiveText } from "./clock.ts";
import { pictureHtml, type ImageLibrary, type Picture, type PictureOptions } from "./images.ts";
import { tagUrl, type Newsroom } from "./newsroom.ts";
import { formatRedirects } from "./redirects.ts";
import { widgetLabels, type SiteSettings, type WidgetLabels } from "./settings.ts";

export type AssetMap = Map<string, { source: string; url: string }>;

/** Nunjucks settings of every render: autoescape on, quiet about missing values, tidy whitespace. */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true } as const;

/** `{{ article.photo | picture("thumb", { decorative: true }) | safe }}`: attributes are escaped by pictureHtml. */
export function pictureFilter(photo: Picture, sizes: PictureOptions["sizes"], flags: Omit<PictureOptions, "sizes"> = {}): string {
  return pictureHtml(photo, { sizes, ...flags });
}

/** `photos` is the build's or the preview's image library, for photos named outside articles (leadership portraits). */
export function templateFilters(site: SiteSettings, assets: AssetMap, photos?: () => ImageLibrary | undefined): Record<string, (...args: never[]) => unknown> {
  const labels = widgetLabels(site);
  return {
    asset(logical: string): string {
      const found = assets.get(logical);
      if (!found) throw new Error(`Unknown asset ${logical}`);
      return found.url;
    },
    dateTime: (dt: DateTime) => formatDateTime(dt),
    day: (dt: DateTime) => formatDate(dt),
    iso: (dt: DateTime) => isoDateTime(dt),
    vnNumber: (n: number) => new Intl.NumberFormat("vi-VN").format(n),
    // JSON inside <script type="application/ld+json">: "<" escaped so no string can close the element.
    jsonLd: (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"),
    absolute: (url: string) => new URL(url, site.url).href,
    // {{ "hot" | widgetLabel }}: a block heading as the department named it.
    widgetLabel(key: keyof WidgetLabels): string {
      if (!(key in labels)) throw new Error(`Unknown widget label ${key}`);
      return labels[key];
    },
    // When a scheduled article goes live at the latest: "00:05 ngày 21/06/2020".
    latestGoLive: (dt: DateTime) => latestGoLiveText(dt),
    // {{ t | tagUrl }}: the page listing a tag's articles.
    tagUrl,
    tel: (phone: string) => telUrl(phone),
    // Plain text for Netlify, printed with `safe`: HTML escaping would change the paths.
    redirectsFile: (newsroom: Newsroom) => formatRedirects([...newsroom.articles, ...newsroom.pages]),
    picture: pictureFilter,
    // `{% set portrait = person.photo | photo %}`: the processed picture of an image address, if it can be used.
    photo: (src: string, alt = "") => photos?.()?.picture(src, alt),
  };
}

/** "0232 3822 615" → "tel:+842323822615": a tappable number that also works from abroad. */
export function telUrl(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return `tel:${digits.startsWith("+") ? digits : digits.startsWith("0") ? `+84${digits.slice(1)}` : digits}`;
}
