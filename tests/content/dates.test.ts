import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, isoDateTime, isoDay, parseDate, VIETNAM, weekStart, weekdayName } from "../../scripts/lib/content/dates.ts";
import { articleSchema } from "../../scripts/lib/content/schema.ts";
import { site } from "../../site.config.ts";

describe("parseDate", () => {
  it("reads the editors' habit as Vietnam time", () => {
    const dt = parseDate("19/06/2020 08:02")!;
    expect(dt.toUTC().toISO()).toBe("2020-06-19T01:02:00.000Z");
    expect(formatDateTime(dt)).toBe("19/06/2020 08:02");
  });

  it("reads looser variants of the habit", () => {
    expect(formatDateTime(parseDate("19/6/2020 8h02")!)).toBe("19/06/2020 08:02");
    expect(isoDateTime(parseDate("19/06/2020 08:02:30")!)).toBe("2020-06-19T08:02:30+07:00");
    expect(isoDateTime(parseDate("19/06/2020")!)).toBe("2020-06-19T00:00:00+07:00");
  });

  it("keeps the offset of an ISO date and shows it in Vietnam time", () => {
    expect(formatDateTime(parseDate("2020-06-19T01:02:00Z")!)).toBe("19/06/2020 08:02");
    expect(formatDateTime(parseDate("2020-06-19T08:02:00+07:00")!)).toBe("19/06/2020 08:02");
  });

  it("reads an ISO date without an offset as Vietnam time", () => {
    expect(isoDateTime(parseDate("2020-06-19T08:02")!)).toBe("2020-06-19T08:02:00+07:00");
    expect(isoDateTime(parseDate("2020-06-19")!)).toBe("2020-06-19T00:00:00+07:00");
  });

  it("shows an article at 00:30 +07 on its own day, not the day before", () => {
    const dt = parseDate("2024-01-01T00:30:00+07:00")!;
    expect(formatDate(dt)).toBe("01/01/2024");
    expect(isoDay(dt)).toBe("2024-01-01");
    // A JS Date from YAML is an instant: 2023-12-31T17:30Z is still 1 January in Vietnam.
    expect(isoDay(parseDate(new Date("2023-12-31T17:30:00Z"))!)).toBe("2024-01-01");
  });

  it("refuses what it cannot read", () => {
    for (const bad of ["32/01/2020 08:00", "19/06/2020 25:00", "hôm qua", "", 20200619, null, undefined]) {
      expect(parseDate(bad), String(bad)).toBeUndefined();
    }
  });
});

describe("weeks", () => {
  it("start on Monday in Vietnam time even when UTC is still on Sunday", () => {
    const mondayMorning = DateTime.fromISO("2026-11-23T06:00:00+07:00", { setZone: true });
    expect(isoDay(weekStart(mondayMorning))).toBe("2026-11-23");
    expect(weekdayName(mondayMorning)).toBe("Thứ Hai");
    expect(weekdayName(DateTime.fromISO("2026-11-29T23:00:00+07:00"))).toBe("Chủ nhật");
  });
});

describe("dates editors and spreadsheets write", () => {
  it('reads "YYYY-MM-DD HH:mm" as Vietnam time', () => {
    expect(isoDateTime(parseDate("2020-06-19 08:02")!)).toBe("2020-06-19T08:02:00+07:00");
    expect(isoDateTime(parseDate("2020-06-19  8:02:30")!)).toBe("2020-06-19T08:02:30+07:00");
    expect(parseDate("2020-02-30 08:02")).toBeUndefined();
  });

  it("refuses years no article can have, with the range in the message", () => {
    const schema = articleSchema(site.categories);
    const message = (date: string) => schema.safeParse({ title: "T", category: "hoat-dong-khcn", date }).error?.issues.find((i) => i.path[0] === "date")?.message;
    expect(message("19/06/0099 08:02")).toMatch(/năm 0099 .*không hợp lý: năm phải từ 1990 đến 2100/);
    expect(message("19/06/1900 08:02")).toMatch(/năm 1900 /);
    expect(message("19/06/2101")).toMatch(/năm 2101 /);
    expect(message("01/01/1990 00:00")).toBeUndefined();
    expect(message("31/12/2100 23:59")).toBeUndefined();
  });
});

describe("one time zone", () => {
  it("is site.timeZone, and no other file names a zone", async () => {
    expect(VIETNAM).toBe(site.timeZone);
    const { readdir, readFile } = await import("node:fs/promises");
    const named: string[] = [];
    for (const dir of ["scripts", "netlify", "layouts", "assets"]) {
      for (const file of await readdir(dir, { recursive: true })) {
        if (!/\.(ts|js|njk)$/.test(file)) continue;
        if ((await readFile(`${dir}/${file}`, "utf8")).includes("Asia/Ho_Chi_Minh")) named.push(`${dir}/${file}`);
      }
    }
    expect(named).toEqual([]);
  });
});
