/** Reading editors' dates and printing them, always in Vietnam time. */
import { DateTime } from "luxon";
import { site } from "../../../site.config.ts";

/** The zone of every date: site.timeZone is the one source (the counter's "today" reads it too). */
export const VIETNAM = site.timeZone;

/**
 * Years a date may have. Vietnam joined the Internet in 1997, so nothing earlier than 1990 was published online
 * (0099 and 1900 are typos); the zone has been +07:00 without exception since 1975, so every date in the range
 * prints as editors expect; 2100 leaves room for scheduled articles and still catches "20024".
 */
export const YEARS = { first: 1990, last: 2100 } as const;

// Editors' habit: "19/06/2020 08:02", also "19/6/2020 8h02", "19/06/2020 08:02:30" and a bare "19/06/2020".
const EDITOR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
// Year first with a space, as spreadsheets and databases write it: "2020-06-19 08:02".
const SPACED_ISO = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Reads a front-matter date; a value without an offset is Vietnam time. Returns undefined when unreadable. */
export function parseDate(value: unknown, zone = VIETNAM): DateTime | undefined {
  if (value instanceof Date) {
    const dt = DateTime.fromJSDate(value, { zone });
    return dt.isValid ? dt : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const editor = EDITOR_DATE.exec(text);
  if (editor) {
    const [day, month, year, hour, minute, second] = editor.slice(1);
    return fromParts({ year, month, day, hour, minute, second }, zone);
  }
  const spaced = SPACED_ISO.exec(text);
  if (spaced) {
    const [year, month, day, hour, minute, second] = spaced.slice(1);
    return fromParts({ year, month, day, hour, minute, second }, zone);
  }
  const iso = DateTime.fromISO(text, { zone, setZone: false });
  return iso.isValid ? iso.setZone(zone) : undefined;
}

function fromParts(parts: Record<"year" | "month" | "day" | "hour" | "minute" | "second", string | undefined>, zone: string): DateTime | undefined {
  const number = (part: string | undefined) => Number(part ?? 0);
  const dt = DateTime.fromObject(
    { year: number(parts.year), month: number(parts.month), day: number(parts.day), hour: number(parts.hour), minute: number(parts.minute), second: number(parts.second) },
    { zone },
  );
  return dt.isValid ? dt : undefined;
}

/** Whether a date's year (in Vietnam) lies in YEARS. */
export function isPlausibleYear(dt: DateTime): boolean {
  const year = dt.setZone(VIETNAM).year;
  return year >= YEARS.first && year <= YEARS.last;
}

/** The reader's view in Vietnam time: "19/06/2020 08:02". */
export function formatDateTime(dt: DateTime): string {
  return dt.setZone(VIETNAM).toFormat("dd/MM/yyyy HH:mm");
}

/** "19/06/2020". */
export function formatDate(dt: DateTime): string {
  return dt.setZone(VIETNAM).toFormat("dd/MM/yyyy");
}

/** ISO 8601 with the +07:00 offset, for machines (time elements, feeds, search sort keys). */
export function isoDateTime(dt: DateTime): string {
  return dt.setZone(VIETNAM).toISO({ suppressMilliseconds: true }) ?? "";
}

/** "2020-06-19", the Vietnam calendar day. */
export function isoDay(dt: DateTime): string {
  return dt.setZone(VIETNAM).toISODate() ?? "";
}

/** Monday 00:00 Vietnam time of the week holding dt. */
export function weekStart(dt: DateTime): DateTime {
  return dt.setZone(VIETNAM).startOf("week");
}

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

/** "Thứ Sáu" for a Friday; luxon's vi locale lower-cases these, Vietnamese print capitalises them. */
export function weekdayName(dt: DateTime): string {
  return WEEKDAYS[dt.setZone(VIETNAM).weekday - 1] ?? "";
}
