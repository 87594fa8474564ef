/** The department's identity: its full name, and the settings left unfinished, which the build refuses. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { foldTones } from "../content/slug.ts";
import type { SiteSettings } from "./settings.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const SETTINGS_FILE = "site.config.ts";

/** "Sở Khoa học và Công nghệ tỉnh Minh Sơn": the name readers see in titles and the footer. */
export function fullName(site: SiteSettings): string {
  return `${site.name} ${site.province.kind} ${site.province.name}`;
}

/** A value left as a template's hint: "…", "[Tên tỉnh]", "<tên>", "TODO". */
const PLACEHOLDER = /\.\.\.|…|\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\b(TODO|TBD|XXX+)\b/i;
/** An administrative unit word with no name after it: "…, phường Trung tâm, tỉnh". */
const BARE_UNIT = /(^|[\s,;(])(tỉnh|thành phố|phường|xã|đặc khu)\s*([,;.)]|$)/iu;
/** English puts the name first ("Minh Khai Ward"): a part that is the unit word alone is unfinished. */
const BARE_UNIT_EN = /(^|,)\s*(province|city|ward|commune)\s*(,|$)/i;
/** Letters with Vietnamese tone or vowel marks, and đ: the English pages carry none outside lang="vi". */
const VIETNAMESE_LETTER = /[\u0300-\u036f\u0110\u0111]/u;

export interface SettingProblem {
  /** Dotted path in site.config.ts: "province.name". */
  setting: string;
  message: string;
}

/** Every identity setting that is missing, a placeholder or inconsistent; empty when the portal can go live. */
export function identityProblems(site: SiteSettings, assetsDir = path.join(ROOT, "assets")): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const add = (setting: string, message: string) => problems.push({ setting, message });
  /** Filled in, not a hint; false when a problem was recorded. */
  const filled = (setting: string, value: unknown, what: string, example: string): value is string => {
    if (typeof value !== "string" || value.trim() === "") {
      add(setting, `${what} đang để trống; ví dụ: ${example}`);
      return false;
    }
    const hint = value.match(PLACEHOLDER);
    if (hint) {
      add(setting, `${what} còn chỗ chưa điền ("${hint[0]}"); ví dụ: ${example}`);
      return false;
    }
    return true;
  };

  filled("name", site.name, "tên cơ quan", '"Sở Khoa học và Công nghệ"');
  filled("shortName", site.shortName, "tên viết tắt", '"Sở KH&CN"');
  if (site.province?.kind !== "tỉnh" && site.province?.kind !== "thành phố") {
    add("province.kind", 'loại đơn vị hành chính phải là "tỉnh" hoặc "thành phố"');
  }
  let province = "";
  if (filled("province.name", site.province?.name, "tên tỉnh (hoặc thành phố)", '"Minh Sơn"')) {
    const name = site.province.name.trim();
    if (/^(tỉnh|thành phố)\s/iu.test(name)) add("province.name", `chỉ ghi tên, không kèm chữ "${name.split(/\s/)[0]}": ví dụ "Minh Sơn"`);
    else province = name;
  }
  // The other settings are compared with the province only once it is right: one mistake, one message.
  const provinceWords = `${site.province?.kind ?? "tỉnh"} ${province || "Minh Sơn"}`;
  const mentionsProvince = (value: string) => province === "" || foldTones(value).includes(foldTones(province));

  const local = (setting: string, value: unknown, what: string, example: string) => {
    if (!filled(setting, value, what, example)) return;
    if (BARE_UNIT.test(value)) add(setting, `${what} có đơn vị hành chính chưa ghi tên ("${value.trim()}"); ví dụ: ${example}`);
    else if (!mentionsProvince(value)) add(setting, `${what} chưa nhắc tên ${provinceWords} ("${value.trim()}"); ví dụ: ${example}`);
  };
  local("governingBody", site.governingBody, "cơ quan chủ quản", `"Ủy ban nhân dân ${provinceWords}"`);
  local("address", site.address, "địa chỉ", `"Số 15 đường Lê Lợi, phường Minh Khai, ${provinceWords}"`);

  if (filled("logo", site.logo, "biểu trưng (logo)", '"/assets/img/logo.svg"')) {
    const relative = site.logo.startsWith("/assets/") ? site.logo.slice("/assets/".length) : undefined;
    if (!relative || !/\.(svg|png|webp)$/i.test(relative)) {
      add("logo", `biểu trưng phải là tệp .svg, .png hoặc .webp trong thư mục assets/, viết dạng "/assets/img/logo.svg" (đang là "${site.logo}")`);
    } else if (!existsSync(path.join(assetsDir, ...relative.split("/")))) {
      add("logo", `không tìm thấy tệp biểu trưng assets/${relative}; đặt tệp vào đó hoặc sửa đường dẫn`);
    }
  }

  if (filled("url", site.url, "địa chỉ website", '"https://sokhcn.minhson.gov.vn"') && !/^https:\/\/[^/\s]+$/.test(site.url)) {
    add("url", `địa chỉ website viết dạng "https://ten-mien.gov.vn", không có dấu / ở cuối (đang là "${site.url}")`);
  }
  filled("description", site.description, "mô tả website", '"Cổng thông tin điện tử Sở Khoa học và Công nghệ tỉnh Minh Sơn"');
  if (filled("phone", site.phone, "số điện thoại", '"0232 3822 615"')) {
    const digits = site.phone.replace(/\D/g, "");
    if (!/^\+?[\d\s.()-]+$/.test(site.phone.trim()) || digits.length < 8 || digits.length > 12 || /^(\d)\1+$/.test(digits)) {
      add("phone", `số điện thoại "${site.phone}" không đúng; viết chữ số, có thể cách nhau bằng dấu cách: "0232 3822 615"`);
    }
  }
  if (filled("email", site.email, "thư điện tử", '"sokhcn@minhson.gov.vn"') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(site.email.trim())) {
    add("email", `thư điện tử "${site.email}" không đúng dạng ten@ten-mien.gov.vn`);
  }
  if (filled("responsible", site.responsible, "dòng chịu trách nhiệm", '"Chịu trách nhiệm chính: ông Hoàng Bá Nam, Giám đốc Sở"') && /:\s*$/.test(site.responsible)) {
    add("responsible", `dòng chịu trách nhiệm chưa ghi tên người chịu trách nhiệm ("${site.responsible.trim()}")`);
  }
  if (site.licence !== undefined) filled("licence", site.licence, "dòng giấy phép", '"Giấy phép số 12/GP-TTĐT ngày 05/3/2024"');
  filled("republication", site.republication, "dòng ghi nguồn khi phát hành lại", `"Ghi rõ nguồn “Cổng thông tin điện tử ${site.name} ${provinceWords}” khi phát hành lại thông tin từ website này."`);

  const english = (key: keyof SiteSettings["english"], what: string, example: string, needsProvince: boolean) => {
    const setting = `english.${key}`;
    const value = site.english?.[key];
    if (!filled(setting, value, what, example)) return;
    if (VIETNAMESE_LETTER.test(value.normalize("NFD"))) add(setting, `${what} (trang tiếng Anh) viết không dấu; ví dụ: ${example}`);
    else if (BARE_UNIT_EN.test(value)) add(setting, `${what} (trang tiếng Anh) có "Province" hoặc "Ward" chưa ghi tên ("${value.trim()}")`);
    else if (needsProvince && !mentionsProvince(value)) add(setting, `${what} (trang tiếng Anh) chưa nhắc tên tỉnh ("${value.trim()}")`);
  };
  const asciiProvince = foldTones(province || "Minh Sơn").replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  english("name", "tên cơ quan bằng tiếng Anh", `"${asciiProvince} Department of Science and Technology"`, true);
  english("governingBody", "cơ quan chủ quản bằng tiếng Anh", `"${asciiProvince} Provincial People's Committee"`, true);
  english("address", "địa chỉ bằng tiếng Anh", `"15 Le Loi Street, Minh Khai Ward, ${asciiProvince} Province, Viet Nam"`, true);
  english("description", "mô tả website bằng tiếng Anh", `"Official website of the ${asciiProvince} Department of Science and Technology"`, false);
  return problems;
}

/** 1-based line of a dotted setting in site.config.ts, for messages editors can follow; 1 when not found. */
export function settingLine(setting: string, source = readSettingsSource()): number {
  const lines = source.split("\n");
  let at = 0;
  for (const key of setting.split(".")) {
    const pattern = new RegExp(`(^|[\\s{,])${key}\\s*:`);
    const found = lines.findIndex((line, i) => i >= at && pattern.test(line));
    if (found < 0) break;
    at = found;
  }
  return at + 1;
}

function readSettingsSource(): string {
  try {
    return readFileSync(path.join(ROOT, SETTINGS_FILE), "utf8");
  } catch {
    return "";
  }
}
