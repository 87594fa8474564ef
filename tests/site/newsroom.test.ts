import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../../scripts/lib/content/load.ts";
import { buildWeeks } from "../../scripts/lib/site/newsroom.ts";

const entry = (day: string): ScheduleEntry => ({
  file: `${day}.md`,
  date: DateTime.fromISO(day, { zone: "Asia/Ho_Chi_Minh" }),
  day,
  session: "sáng",
  content: "Họp giao ban",
});

describe("buildWeeks", () => {
  it("names a week in lower case after its title word, with its dates", () => {
    const [week] = buildWeeks([entry("2026-11-16")], DateTime.fromISO("2026-11-18T09:00:00+07:00"));
    expect(week?.label).toBe("Tuần 47 (từ ngày 16/11 đến ngày 22/11/2026)");
    expect(week?.title).toBe("Lịch công tác tuần 47 (từ ngày 16/11 đến ngày 22/11/2026)");
    expect(week?.number).toBe(47);
  });

  it("writes both years of a week that straddles the new year", () => {
    const [week] = buildWeeks([entry("2025-12-30")], DateTime.fromISO("2025-12-30T09:00:00+07:00"));
    expect(week?.label).toBe("Tuần 1 (từ ngày 29/12/2025 đến ngày 04/01/2026)");
  });
});
