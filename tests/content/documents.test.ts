import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { formatSize } from "../../scripts/lib/content/attachments.ts";
import { documentStatus } from "../../scripts/lib/content/documents.ts";
import { guessTerms } from "../../scripts/lib/content/scaffold.ts";

const day = (iso: string) => DateTime.fromISO(iso, { zone: "Asia/Ho_Chi_Minh" });
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe("a document's status on the build's day in Vietnam", () => {
  const dates = { effective: day("2027-01-01"), expiry: day("2028-01-01") };
  it.each([
    ["2026-12-31T16:59:00Z", "chua-co-hieu-luc"], // 23:59 on 31/12 in Vietnam
    ["2026-12-31T17:00:00Z", "con-hieu-luc"], // 00:00 on 01/01 in Vietnam, still 31/12 in UTC
    ["2027-12-31T16:59:00Z", "con-hieu-luc"],
    ["2027-12-31T17:00:00Z", "het-hieu-luc"], // its ngày hết hiệu lực has begun
  ])("at %s: %s", (now, status) => {
    expect(documentStatus(dates, at(now))).toBe(status);
  });

  it("stays in force without an expiry", () => {
    expect(documentStatus({ effective: day("2014-01-01") }, at("2030-01-01T00:00:00+07:00"))).toBe("con-hieu-luc");
  });
});

describe("the scaffold's guesses from a number", () => {
  const names = (number: string) => {
    const { type, issuer } = guessTerms(number, site.documents);
    return [type?.name, issuer?.name];
  };
  it.each([
    ["15/2025/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh"],
    ["93/2025/QH15", "Luật", "Quốc hội"],
    ["569/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"],
    ["12/2021/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh"],
    ["1520/SKHCN-QLKH", "Công văn", "Sở Khoa học và Công nghệ"],
    ["45/KH-SKHCN", "Kế hoạch", "Sở Khoa học và Công nghệ"],
  ])("%s → %s, %s", (number, type, issuer) => {
    expect(names(number)).toEqual([type, issuer]);
  });
});

describe("attachment sizes", () => {
  it("reads like Vietnamese: decimal comma, KB and MB", () => {
    expect(formatSize(590)).toBe("590 B");
    expect(formatSize(48_000)).toBe("47 KB");
    expect(formatSize(1_300_000)).toBe("1,2 MB");
    expect(formatSize(21 * 1024 * 1024)).toBe("21 MB");
  });
});
