// The department's identity: the sample is complete, an unfinished one is named setting by setting and stops the build.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { build } from "../../scripts/lib/build.ts";
import { ContentCheckError } from "../../scripts/lib/check/index.ts";
import { fullName, identityProblems, settingLine } from "../../scripts/lib/site/identity.ts";
import { telUrl } from "../../scripts/lib/site/filters.ts";
import type { SiteSettings } from "../../scripts/lib/site/settings.ts";

const withChanges = (changes: Partial<SiteSettings>): SiteSettings => ({ ...site, ...changes });
const settingsOf = (settings: SiteSettings) => identityProblems(settings).map((p) => p.setting);

describe("identity settings", () => {
  it("accepts the sample's identity and names it with its province", () => {
    expect(identityProblems(site)).toEqual([]);
    expect(fullName(site)).toBe("Sở Khoa học và Công nghệ tỉnh Minh Sơn");
  });

  // [what the department left, the setting named, words of the message]
  const CASES: [string, Partial<SiteSettings>, string, RegExp][] = [
    ["no province", { province: { kind: "tỉnh", name: "" } }, "province.name", /tên tỉnh \(hoặc thành phố\) đang để trống/],
    ["a province with its kind repeated", { province: { kind: "tỉnh", name: "tỉnh Minh Sơn" } }, "province.name", /không kèm chữ "tỉnh"/],
    ["a template's hint", { province: { kind: "tỉnh", name: "[Tên tỉnh]" } }, "province.name", /còn chỗ chưa điền \("\[Tên tỉnh\]"\)/],
    ["the old header", { governingBody: "Ủy ban nhân dân tỉnh" }, "governingBody", /cơ quan chủ quản có đơn vị hành chính chưa ghi tên/],
    ["the old address", { address: "Số 15 đường Lê Lợi, phường Trung tâm, tỉnh" }, "address", /địa chỉ có đơn vị hành chính chưa ghi tên/],
    ["another province's address", { address: "Số 15 đường Lê Lợi, phường Minh Khai, tỉnh Lâm Sơn" }, "address", /chưa nhắc tên tỉnh Minh Sơn/],
    ["the issue's own ellipsis", { republication: "Ghi rõ nguồn … khi phát hành lại thông tin từ website này." }, "republication", /còn chỗ chưa điền \("…"\)/],
    ["an empty responsibility line", { responsible: "Chịu trách nhiệm chính:" }, "responsible", /chưa ghi tên người chịu trách nhiệm/],
    ["a missing logo file", { logo: "/assets/img/khong-co.svg" }, "logo", /không tìm thấy tệp biểu trưng assets\/img\/khong-co\.svg/],
    ["a logo outside assets/", { logo: "https://example.com/logo.svg" }, "logo", /trong thư mục assets\//],
    ["a placeholder phone", { phone: "0000 000 000" }, "phone", /số điện thoại "0000 000 000" không đúng/],
    ["a broken email", { email: "sokhcn@" }, "email", /không đúng dạng/],
    ["a TODO licence", { licence: "Giấy phép số TODO" }, "licence", /còn chỗ chưa điền \("TODO"\)/],
    ["Vietnamese letters in the English name", { english: { ...site.english, name: "Minh Sơn Department of Science and Technology" } }, "english.name", /viết không dấu/],
    ["an English address with no province name", { english: { ...site.english, address: "15 Le Loi Street, Province" } }, "english.address", /chưa ghi tên/],
    ["a trailing slash on the address", { url: "https://sokhcn.minhson.gov.vn/" }, "url", /không có dấu \/ ở cuối/],
  ];

  it.each(CASES)("refuses %s, naming the setting", (_what, changes, setting, message) => {
    const problems = identityProblems(withChanges(changes));
    expect(problems.map((p) => p.setting)).toEqual([setting]);
    expect(problems[0]!.message).toMatch(message);
  });

  it("finds each setting's line in site.config.ts", () => {
    const lines = readFileSync("site.config.ts", "utf8").split("\n");
    for (const [setting, key] of [["province.name", "province:"], ["governingBody", "governingBody:"], ["english.address", "address:"], ["menu", "menu:"]] as const) {
      expect(lines[settingLine(setting) - 1], setting).toContain(key);
    }
    expect(lines[settingLine("english.address") - 1]).toContain("Le Loi");
  });

  it("counts a settings file with nothing filled in as unfinished everywhere", () => {
    const blank = withChanges({ name: "", governingBody: "", address: "", republication: "", province: { kind: "tỉnh", name: "" } });
    expect(settingsOf(blank)).toEqual(expect.arrayContaining(["name", "province.name", "governingBody", "address", "republication"]));
  });
});

describe("the build with an unfinished identity", () => {
  it("stops before writing, with a Vietnamese message naming file, line and setting", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "identity-out-"));
    await writeFile(path.join(out, "index.html"), "đang chạy");
    const unfinished = withChanges({ governingBody: "Ủy ban nhân dân tỉnh", province: { kind: "tỉnh", name: "" } });
    const attempt = build({ content: "tests/fixtures/site", out, search: false, site: unfinished });
    await expect(attempt).rejects.toBeInstanceOf(ContentCheckError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain(`site.config.ts:${settingLine("province.name")}: province.name: tên tỉnh (hoặc thành phố) đang để trống`);
    expect(message).toContain(`site.config.ts:${settingLine("governingBody")}: governingBody: cơ quan chủ quản có đơn vị hành chính chưa ghi tên ("Ủy ban nhân dân tỉnh")`);
    expect(message).toMatch(/Chưa thể xuất bản/);
    expect(await readdir(out)).toEqual(["index.html"]);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe("đang chạy");
  });
});

describe("tel: links", () => {
  it("dial the number from anywhere", () => {
    expect(telUrl("0232 3822 615")).toBe("tel:+842323822615");
    expect(telUrl("(0232) 3.822.615")).toBe("tel:+842323822615");
    expect(telUrl("+84 232 3822 615")).toBe("tel:+842323822615");
    expect(telUrl("1900 1234")).toBe("tel:19001234");
  });
});
