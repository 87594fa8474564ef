import { describe, expect, it } from "vitest";
import { cleanNumber, documentKey, documentSlug, isWellFormedNumber, numberKey, numberSpellings, numberYear } from "../../scripts/lib/content/document-number.ts";

describe("document numbers (số ký hiệu)", () => {
  it("cleans what Word pastes without changing the number", () => {
    expect(cleanNumber(" 15 / 2025 / QÐ–UBND ")).toBe("15/2025/QĐ-UBND"); // Ð U+00D0 and an en dash
    expect(cleanNumber("15/2025/QĐ-UBND".normalize("NFD"))).toBe("15/2025/QĐ-UBND");
    expect(cleanNumber("569/QĐ-TTg")).toBe("569/QĐ-TTg");
  });

  it("accepts the shapes Vietnamese documents use and refuses the rest", () => {
    for (const good of ["15/2025/QĐ-UBND", "93/2025/QH15", "569/QĐ-TTg", "1520/SKHCN-QLKH", "05/CT-UBND", "07-NQ/TU", "12a/2024/NQ-HĐND"]) expect(isWellFormedNumber(good), good).toBe(true);
    for (const bad of ["QĐ-UBND", "15/2025", "15", "15/2025/", "số 15/2025/QĐ-UBND", "15/2025/QĐ UBND"]) expect(isWellFormedNumber(bad), bad).toBe(false);
  });

  it("tells a document by its number, and a year-less number by its year too", () => {
    expect(numberKey("15/2025/QĐ-UBND")).toBe(numberKey("15-2025-qd-ubnd"));
    expect(documentKey("15/2025/QĐ-UBND", 2025)).toBe(documentKey("15/2025/qd-ubnd", 2025));
    expect(documentKey("569/QĐ-TTg", 2022)).not.toBe(documentKey("569/QĐ-TTg", 2023));
    expect(numberYear("15/2025/QĐ-UBND")).toBe(2025);
    expect(numberYear("569/QĐ-TTg")).toBeUndefined();
  });

  it("makes addresses that start with a digit, with the year when the number has none", () => {
    expect(documentSlug("15/2025/QĐ-UBND", 2025)).toBe("15-2025-qd-ubnd");
    expect(documentSlug("569/QĐ-TTg", 2022)).toBe("569-qd-ttg-2022");
    expect(documentSlug("12/2021/NQ-HĐND", 2021)).toBe("12-2021-nq-hdnd");
  });

  it("spells the number every way readers type it", () => {
    expect(numberSpellings("15/2025/QĐ-UBND")).toEqual(["15/2025/QĐ-UBND", "15/2025/qd-ubnd", "15 2025 qd ubnd", "152025qdubnd", "15-2025-qd-ubnd"]);
  });
});
