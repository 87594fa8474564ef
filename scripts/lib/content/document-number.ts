/** Vietnamese document numbers ("số ký hiệu"): cleaning, checking, identity, URL slug and search spellings. */
import { foldTones, slugify } from "./slug.ts";

/**
 * What editors paste from Word, made canonical without changing the number: NFC, Ð (U+00D0, from old
 * TCVN3 fonts) read as Đ, Unicode dashes as "-", no spaces around separators.
 */
export function cleanNumber(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\u00d0/g, "Đ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*([/-])\s*/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

// số[/năm]/ký hiệu ("15/2025/QĐ-UBND", "569/QĐ-TTg", "1520/SKHCN-QLKH") or số-ký hiệu/… (party style "07-NQ/TU").
const NUMBER = /^\d{1,6}[a-zA-Z]?(?:\/(?:19|20)\d{2})?[/-][\p{L}\d&.]+(?:[/-][\p{L}\d&.]+)*$/u;

/** Whether a cleaned number has the shape of a số ký hiệu. */
export function isWellFormedNumber(number: string): boolean {
  return NUMBER.test(number) && /\p{L}/u.test(number.replace(/^\d+[a-zA-Z]?/, ""));
}

/** The year written in the number ("15/2025/QĐ-UBND" → 2025), if any. */
export function numberYear(number: string): number | undefined {
  const match = /^\d{1,6}[a-zA-Z]?\/((?:19|20)\d{2})\//.exec(number);
  return match ? Number(match[1]) : undefined;
}

/** Case, tones, đ and separators ignored: "15/2025/QĐ-UBND" and "15-2025-qd-ubnd" are one number. */
export function numberKey(number: string): string {
  return foldTones(cleanNumber(number)).replace(/[^a-z0-9]+/g, "");
}

/**
 * A document's identity: numbers without a year restart each year (Công văn, many Quyết định), so
 * those are told apart by the year of issue.
 */
export function documentKey(number: string, issuedYear: number): string {
  return numberYear(number) === undefined ? `${numberKey(number)}@${issuedYear}` : numberKey(number);
}

/** "15/2025/QĐ-UBND" → "15-2025-qd-ubnd"; "569/QĐ-TTg" issued in 2022 → "569-qd-ttg-2022". Always starts with a digit. */
export function documentSlug(number: string, issuedYear: number): string {
  const base = slugify(cleanNumber(number));
  return numberYear(number) === undefined ? `${base}-${issuedYear}` : base;
}

/**
 * The spellings readers type, indexed as hidden text so Pagefind's word splitting finds them all:
 * as written, tone-less, its parts apart ("15 2025 qd ubnd") and run together ("152025qdubnd").
 */
export function numberSpellings(number: string): string[] {
  const clean = cleanNumber(number);
  const folded = foldTones(clean);
  const parts = folded.split(/[^a-z0-9]+/).filter(Boolean);
  return [...new Set([clean, folded, parts.join(" "), parts.join(""), parts.join("-")])];
}
