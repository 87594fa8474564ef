/** The build's clock, read once by each command and handed on as an option. */
import { DateTime } from "luxon";

/** The build's clock; TOASOAN_NOW pins it for tests and reproducible previews. */
export function buildClock(): DateTime {
  const pinned = process.env.TOASOAN_NOW;
  if (!pinned) return DateTime.now();
  const dt = DateTime.fromISO(pinned, { setZone: true });
  if (!dt.isValid) throw new Error(`TOASOAN_NOW is not an ISO 8601 date: ${pinned}`);
  return dt;
}
