import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { latestGoLive, latestGoLiveText } from "../../scripts/lib/site/clock.ts";

const vn = (iso: string) => DateTime.fromISO(iso, { zone: "Asia/Ho_Chi_Minh" });

describe("latestGoLive", () => {
  it("is the next day's 00:05 run for an article dated later in the day", () => {
    expect(latestGoLiveText(vn("2020-06-20T08:00"))).toBe("00:05 ngày 21/06/2020");
    expect(latestGoLiveText(vn("2026-12-31T23:59"))).toBe("00:05 ngày 01/01/2027");
  });

  it("is the same day's run for an article dated at or before 00:05", () => {
    expect(latestGoLiveText(vn("2020-06-20T00:00"))).toBe("00:05 ngày 20/06/2020");
    expect(latestGoLiveText(vn("2020-06-20T00:05"))).toBe("00:05 ngày 20/06/2020");
  });

  it("reads the date in Vietnam time whatever its zone", () => {
    // 18:00 UTC on 19/06 is 01:00 on 20/06 in Vietnam.
    expect(latestGoLive(DateTime.fromISO("2020-06-19T18:00:00Z")).toISO()).toBe("2020-06-21T00:05:00.000+07:00");
  });
});
