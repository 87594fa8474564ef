import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import type { Article, Content, ScheduleEntry } from "../../scripts/lib/content/load.ts";
import { buildWeeks, createNewsroom } from "../../scripts/lib/site/newsroom.ts";

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

const NOW = DateTime.fromISO("2024-06-12T10:00:00+07:00", { setZone: true });

/** Article `n` is `n` days old; flags as given. */
function article(n: number, category: string, flags: Partial<Pick<Article, "featured" | "hot" | "image">> = {}): Article {
  const date = NOW.minus({ days: n });
  const found = site.categories.find((c) => c.slug === category)!;
  return {
    file: `a${n}.md`, slug: `a${n}`, url: `/tin-tuc/a${n}/`, title: `Tin ${n}`, date, dateText: "", dayText: "", iso: date.toISO()!, day: "", month: "",
    category: found, summary: "", tags: [], hot: false, featured: false, draft: false, scheduled: false, aliases: [], html: "",
    documentNumbers: [], documentsLine: 1, documents: [], ...flags,
  };
}

function newsroomOf(articles: Article[]) {
  const content: Content = { articles, pages: [], englishPages: [], schedule: [], documents: [], dataFiles: [], problems: [], files: [] };
  return createNewsroom(content, site, NOW);
}

describe("the front page's choice of stories", () => {
  it("leads with the newest featured article that has a photo, then four others, those with photos first", () => {
    const articles = [
      article(1, "thong-bao", { featured: true }),
      article(2, "hoat-dong-khcn", { featured: true, image: "/images/b.jpg" }),
      article(3, "chuyen-doi-so"),
      article(4, "chuyen-doi-so", { image: "/images/d.jpg" }),
      article(5, "thong-bao", { featured: true }),
      article(6, "so-huu-tri-tue", { image: "/images/f.jpg" }),
      article(7, "thong-bao"),
    ];
    const { home } = newsroomOf(articles);
    expect(home.lead?.title).toBe("Tin 2");
    expect(home.secondary.map((a) => a.title)).toEqual(["Tin 4", "Tin 6", "Tin 1", "Tin 5"]);
    expect(home.blocks.flatMap((b) => b.items.map((a) => a.title))).toEqual(["Tin 3", "Tin 7"]);
  });

  it("falls back to the newest article when nothing is featured, and marks one thumbnail per block", () => {
    const articles = [article(1, "thong-bao"), ...Array.from({ length: 12 }, (_, i) => article(i + 2, "hoat-dong-khcn", { image: i % 2 ? "/images/x.jpg" : undefined }))];
    const { home } = newsroomOf(articles);
    expect(home.lead?.title).toBe("Tin 3");
    const block = home.blocks.find((b) => b.category.slug === "hoat-dong-khcn")!;
    expect(block.items).toHaveLength(2);
    expect(block.thumb).toBe(block.items.find((a) => a.image));
  });

  it("shows each article once, however many lists it belongs to", () => {
    const articles = Array.from({ length: 30 }, (_, i) => article(i + 1, site.categories[i % site.categories.length]!.slug, { featured: true, hot: true, image: i % 3 ? undefined : "/images/x.jpg" }));
    const { home } = newsroomOf(articles);
    const shown = [home.lead!, ...home.secondary, ...home.blocks.flatMap((b) => b.items)].map((a) => a.url);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.length).toBe(1 + 4 + 2 * site.categories.length);
  });

  it("lists the same category's articles newest first under an article", () => {
    const articles = Array.from({ length: 9 }, (_, i) => article(i + 1, "thong-bao"));
    const newsroom = newsroomOf(articles);
    const related = newsroom.linksOf(articles[4]!).related.map((a) => a.date.toMillis());
    expect(related).toHaveLength(5);
    expect([...related].sort((a, b) => b - a)).toEqual(related);
  });
});
