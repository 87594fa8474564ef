/** The build's clock, read once by each command and handed on as an option. */
import { DateTime } from "luxon";
import { formatDate, VIETNAM } from "../content/dates.ts";

/** The daily publication run, Vietnam time (.github/workflows/publish.yml, cron "5 17 * * *" UTC). */
export const DAILY_BUILD = { hour: 0, minute: 5 } as const;

/** The build's clock; TOASOAN_NOW pins it for tests and reproducible previews. */
export function buildClock(): DateTime {
  const pinned = process.env.TOASOAN_NOW;
  if (!pinned) return DateTime.now();
  const dt = DateTime.fromISO(pinned, { setZone: true });
  if (!dt.isValid) throw new Error(`TOASOAN_NOW is not an ISO 8601 date: ${pinned}`);
  return dt;
}

/** A scheduled article goes live at the first build after its time: at the latest, the next daily run. */
export function latestGoLive(date: DateTime): DateTime {
  const local = date.setZone(VIETNAM);
  const sameDay = local.set({ ...DAILY_BUILD, second: 0, millisecond: 0 });
  return sameDay >= local ? sameDay : sameDay.plus({ days: 1 });
}

/** "00:05 ngày 21/06/2020", as notices and the checker say it. */
export function latestGoLiveText(date: DateTime): string {
  const at = latestGoLive(date);
  return `${at.toFormat("HH:mm")} ngày ${formatDate(at)}`;
}
