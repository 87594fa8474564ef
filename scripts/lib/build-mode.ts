/** What kind of build this is: its clock, and whether unpublished articles show. */
import { DateTime } from "luxon";

/** The build's clock; TOASOAN_NOW pins it for tests and reproducible previews. */
export function buildClock(): DateTime {
  const pinned = process.env.TOASOAN_NOW;
  if (!pinned) return DateTime.now();
  const dt = DateTime.fromISO(pinned, { setZone: true });
  if (!dt.isValid) throw new Error(`TOASOAN_NOW is not an ISO 8601 date: ${pinned}`);
  return dt;
}

/** Drafts and scheduled articles appear in `eleventy --serve` and when TOASOAN_PREVIEW=1, never in a build. */
export function isPreview(): boolean {
  if (process.env.TOASOAN_PREVIEW !== undefined) return process.env.TOASOAN_PREVIEW === "1";
  return process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
}
