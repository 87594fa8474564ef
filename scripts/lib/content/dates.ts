/** Reading editors' dates and printing them, always in Vietnam time. */
import { DateTime } from "luxon";

export const VIETNAM = "Asia/Ho_Chi_Minh";

// Editors' habit: "19/06/2020 08:02", also "19/6/2020 8h02", "19/06/2020 08:02:30" and a bare "19/06/2020".
const EDITOR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;

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
    const [day, month, year, hour = "0", minute = "0", second = "0"] = editor.slice(1).map((part) => part ?? undefined);
    const dt = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) }, { zone });
    return dt.isValid ? dt : undefined;
  }
  const iso = DateTime.fromISO(text, { zone, setZone: false });
  return iso.isValid ? iso.setZone(zone) : undefined;
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
