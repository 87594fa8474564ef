/** Documents in the built Pagefind index: numbers in every spelling, tone-less trích yếu, the library's filters. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readerMeta } from "../../assets/js/lib/search-engine.js";
import { build } from "../../scripts/lib/build.ts";
import { openPagefind, type OpenedBundle, type PagefindResult } from "../../scripts/lib/search/node-client.ts";

const FIXTURE = path.resolve("tests/fixtures/documents");
const NOW = DateTime.fromISO("2026-12-01T10:00:00+07:00", { setZone: true });

interface DocumentScript {
  findDocuments(pf: OpenedBundle, state: Record<string, string>): Promise<PagefindResult[]>;
  stateFromSearch(search: string): Record<string, string> & { page: number };
  searchOf(state: Record<string, string>, page: number): string;
  matchesNumber(query: string, number: string): boolean;
}

let out: string;
let pf: OpenedBundle;
let script: DocumentScript;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), "toa-soan-docs-search-"));
  await build({ content: FIXTURE, out, now: NOW });
  pf = await openPagefind(out);
  script = (await import(pathToFileURL(path.resolve("assets/js/van-ban.js")).href)) as DocumentScript;
});

afterAll(async () => {
  pf?.close();
  await pf?.destroy();
  await rm(out, { recursive: true, force: true });
});

const urls = async (results: PagefindResult[]) => Promise.all(results.map(async (r) => (await r.data()).url));
/** What the library's page finds for a query, as its script asks Pagefind. */
const find = async (state: Record<string, string>) => urls(await script.findDocuments(pf, { q: "", ...state }));

describe("searching documents by number", () => {
  it.each(["15/2025/QĐ-UBND", "15/2025/qd-ubnd", "15/2025/QD-UBND", "15/2025", "qd-ubnd 15", "QĐ-UBND 15", "152025qdubnd", "15-2025-qd-ubnd"])(
    "%s finds Quyết định 15/2025/QĐ-UBND first, and not Công văn 1520/SKHCN-QLKH",
    async (query) => {
      const found = await find({ q: query });
      expect(found[0]).toBe("/van-ban/15-2025-qd-ubnd/");
      expect(found).not.toContain("/van-ban/1520-skhcn-qlkh-2025/");
    },
  );

  it.each([
    ["569/QĐ-TTg", "/van-ban/569-qd-ttg-2022/"],
    ["569", "/van-ban/569-qd-ttg-2022/"],
    ["qd-ttg", "/van-ban/569-qd-ttg-2022/"],
    ["1520/SKHCN-QLKH", "/van-ban/1520-skhcn-qlkh-2025/"],
    ["45/KH-SKHCN", "/van-ban/45-kh-skhcn-2021/"],
  ])("%s finds %s first", async (query, url) => {
    expect((await find({ q: query }))[0]).toBe(url);
  });
});

describe("searching documents by trích yếu, with or without tones and đ", () => {
  it.each([
    ["sửa đổi, bổ sung một số điều", "/van-ban/15-2025-qd-ubnd/"],
    ["sua doi bo sung mot so dieu", "/van-ban/15-2025-qd-ubnd/"],
    ["chien luoc phat trien", "/van-ban/569-qd-ttg-2022/"],
    ["chuyen doi so", "/van-ban/45-kh-skhcn-2021/"],
    ["nen tang so dung chung", "/van-ban/41-2026-qd-ubnd/"],
    ["de xuat dat hang", "/van-ban/1520-skhcn-qlkh-2025/"],
  ])("%s finds %s first", async (query, url) => {
    expect((await find({ q: query }))[0]).toBe(url);
  });

  it("shows the trích yếu and status in each result's meta", async () => {
    const [first] = await script.findDocuments(pf, { q: "sua doi bo sung" });
    // As the library shows it: the index's spelling of đ (ḓ) read back.
    const meta = readerMeta((await first!.data()).meta);
    expect(meta).toMatchObject({ heading: "Quyết định số 15/2025/QĐ-UBND", title: `Quyết định số 15/2025/QĐ-UBND: ${meta.summary}`, number: "15/2025/QĐ-UBND", date: "14/03/2025", status: "con-hieu-luc", issuer: "Ủy ban nhân dân tỉnh" });
  });
});

describe("the library's filters over the index", () => {
  it("lists a type in force, newest first", async () => {
    expect(await find({ loai: "quyet-dinh", "tinh-trang": "con-hieu-luc" })).toEqual(["/van-ban/15-2025-qd-ubnd/", "/van-ban/28-2023-qd-ubnd/", "/van-ban/569-qd-ttg-2022/"]);
  });

  it.each([
    [{ "co-quan": "so-khcn" }, ["/van-ban/1520-skhcn-qlkh-2025/", "/van-ban/45-kh-skhcn-2021/"]],
    [{ nam: "2025" }, ["/van-ban/1520-skhcn-qlkh-2025/", "/van-ban/15-2025-qd-ubnd/"]],
    [{ "linh-vuc": "chuyen-doi-so" }, ["/van-ban/41-2026-qd-ubnd/", "/van-ban/15-2025-qd-ubnd/", "/van-ban/45-kh-skhcn-2021/"]],
    [{ "tinh-trang": "chua-co-hieu-luc" }, ["/van-ban/41-2026-qd-ubnd/"]],
    [{ "tinh-trang": "het-hieu-luc" }, ["/van-ban/45-kh-skhcn-2021/", "/van-ban/32-2020-qd-ubnd/"]],
    [{ q: "quan ly nhiem vu", "co-quan": "ubnd-tinh", "tinh-trang": "het-hieu-luc" }, ["/van-ban/32-2020-qd-ubnd/"]],
  ])("%j", async (state, expected) => {
    expect(await find(state)).toEqual(expected);
  });

  it("keeps articles out of the library and documents in the news search", async () => {
    const all = await find({});
    expect(all).toHaveLength(7);
    expect(all.every((u) => u.startsWith("/van-ban/"))).toBe(true);
    const news = await urls((await pf.search("nhiem vu")).results);
    expect(news).toContain("/tin-tuc/bai-trich-dan/");
    expect(news).toContain("/van-ban/15-2025-qd-ubnd/");
  });

  it("tells a query naming a number from one that does not", () => {
    for (const query of ["qd-ttg", "569", "QĐ-TTg 569", "569qdttg"]) expect(script.matchesNumber(query, "569/QĐ-TTg"), query).toBe(true);
    for (const query of ["qd-ubnd", "56", "chien luoc"]) expect(script.matchesNumber(query, "569/QĐ-TTg"), query).toBe(false);
  });

  it("reads and writes its state in the address", () => {
    const state = script.stateFromSearch("?q=qd-ubnd+15&loai=quyet-dinh&tinh-trang=con-hieu-luc&trang=2");
    expect(state).toMatchObject({ q: "qd-ubnd 15", loai: "quyet-dinh", "tinh-trang": "con-hieu-luc", "linh-vuc": "", page: 2 });
    expect(script.searchOf(state, 3)).toBe("?q=qd-ubnd+15&loai=quyet-dinh&tinh-trang=con-hieu-luc&trang=3");
  });
});
