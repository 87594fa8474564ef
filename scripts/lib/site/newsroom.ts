/** Everything the templates list, derived once per build from the loaded content. */
import { DateTime } from "luxon";
import type { Article, Content, Page, ScheduleEntry } from "../content/load.ts";
import { VIETNAM, formatDate, weekStart, weekdayName } from "../content/dates.ts";
import { DOCUMENTS_URL, STATUSES, type OfficialDocument } from "../content/documents.ts";
import type { OrganisationData, ProceduresData, Unit } from "../content/schema.ts";
import { fullName } from "./identity.ts";
import { pagesOf } from "./routes.ts";
import type { Category, DocumentTerm, SiteSettings } from "./settings.ts";
import { slugify } from "../content/slug.ts";

/** The editors' pages the portal's own pages link to and pair with English pages. */
export const ABOUT_URL = "/gioi-thieu/";
export const CONTACT_URL = "/lien-he/";

/** Pages of the about section made from content/du-lieu/to-chuc.yaml. */
const ABOUT_PAGES = [
  { kind: "organisation", url: "/gioi-thieu/co-cau-to-chuc/", title: "Cơ cấu tổ chức" },
  { kind: "leadership", url: "/gioi-thieu/lanh-dao/", title: "Lãnh đạo Sở" },
  { kind: "spokesperson", url: "/gioi-thieu/nguoi-phat-ngon/", title: "Người phát ngôn" },
] as const;

/** An English page's Vietnamese counterpart, by the English file's name: hreflang both ways and the language switch. */
const COUNTERPARTS: Record<string, string> = { about: ABOUT_URL, organisation: ABOUT_PAGES[0].url, leadership: ABOUT_PAGES[1].url, contact: CONTACT_URL };
/** The English menu's order: these first, other English pages after them by name. */
const ENGLISH_ORDER = Object.keys(COUNTERPARTS);

export const PROCEDURES_URL = "/thu-tuc-hanh-chinh/";
export const TAGS_URL = "/tu-khoa/";

/** A tag's page, at its tone-less slug ("Hội nghị" → /tu-khoa/hoi-nghi/); none for a tag with no letter or digit. */
export function tagUrl(tag: string): string | undefined {
  const slug = slugify(tag);
  return slug ? `${TAGS_URL}${slug}/` : undefined;
}
/** The national portal's search by keyword: a procedure without its own link points at its name's results there. */
export const NATIONAL_PORTAL_SEARCH = "https://dichvucong.gov.vn/p/home/dvc-danh-sach-dich-vu-cong.html?tu_khoa=";

export interface AboutPage {
  kind: (typeof ABOUT_PAGES)[number]["kind"];
  url: string;
  title: string;
}

export interface UnitGroup {
  title: string;
  titleEn: string;
  units: Unit[];
}

export interface Organisation extends OrganisationData {
  /** Office and divisions, sub-departments, centres: the non-empty groups, in that order. */
  groups: UnitGroup[];
}

export interface ProceduresPage {
  url: string;
  title: string;
  fields: { name: string; procedures: { name: string; code?: string; href: string }[] }[];
  count: number;
}

export interface EnglishPage extends Page {
  /** The Vietnamese page it translates, when that page is published. */
  counterpart?: string;
}

export interface CategorySummary extends Category {
  url: string;
  feedUrl: string;
  count: number;
  latest: Article[];
}

export interface ListingPage<T = Article> {
  /** Heading of the listing: a category's name, or "tháng 6/2020" after "Lưu trữ". */
  title: string;
  url: string;
  pageNumber: number;
  pageCount: number;
  items: T[];
  previousUrl?: string;
  nextUrl?: string;
  category?: CategorySummary;
}

export interface ArchiveYear {
  year: number;
  url: string;
  count: number;
  months: { month: number; url: string; count: number }[];
}

export interface ScheduleDay {
  day: string;
  label: string;
  entries: ScheduleEntry[];
}

export interface ScheduleWeek {
  /** "2026-W48" */
  id: string;
  /** ISO week number, 48 */
  number: number;
  url: string;
  /** "Tuần 47 (từ ngày 16/11 đến ngày 22/11/2026)" */
  label: string;
  /** "Lịch công tác tuần 47 (từ ngày 16/11 đến ngày 22/11/2026)" */
  title: string;
  days: ScheduleDay[];
  entryCount: number;
  current: boolean;
  previousUrl?: string;
  nextUrl?: string;
}

/** The front page: each article at most once, so with the sidebar's "Tin nóng" none is linked more than twice. */
export interface HomePage {
  lead?: Article;
  secondary: Article[];
  blocks: { category: CategorySummary; items: Article[]; thumb?: Article }[];
}

export interface ArticleLinks {
  previous?: Article;
  next?: Article;
  related: Article[];
}

/** One choice of a filter on /van-ban/: its value in the address and the index, its name, how many documents. */
export interface FilterOption {
  value: string;
  name: string;
  count: number;
}

export interface DocumentFilters {
  types: FilterOption[];
  fields: FilterOption[];
  issuers: FilterOption[];
  years: FilterOption[];
  statuses: FilterOption[];
}

export interface Citation {
  title: string;
  url: string;
  dayText: string;
  iso: string;
}

const WIDGET_SIZE = 5;
const RELATED_SIZE = 5;
const HOME_SECONDARY = 4;
const HOME_BLOCK_SIZE = 2;

/**
 * A class, not a plain object: Eleventy deep-merges plain objects of global data into every page,
 * while an instance is passed by reference.
 */
export class Newsroom {
  readonly articles: Article[];
  readonly pages: Page[];
  readonly latest: Article[];
  readonly hot: Article[];
  readonly featured: Article[];
  readonly categories: CategorySummary[];
  readonly categoryPages: ListingPage[];
  readonly archive: ArchiveYear[];
  readonly archivePages: ListingPage[];
  /** One listing per tag (từ khóa), newest first; tags spelled alike ("OCOP", "ocop") share one. */
  readonly tagPages: ListingPage[];
  readonly scheduleWeeks: ScheduleWeek[];
  readonly currentWeek: ScheduleWeek;
  /** "Sở Khoa học và Công nghệ tỉnh Minh Sơn" */
  readonly fullName: string;
  readonly organisation?: Organisation;
  /** Pages of the about section after the editors' /gioi-thieu/: none without content/du-lieu/to-chuc.yaml. */
  readonly aboutPages: AboutPage[];
  /** The about section's own menu: /gioi-thieu/ when published, then aboutPages. */
  readonly aboutSection: { url: string; title: string }[];
  /** The procedures page, or none without content/du-lieu/thu-tuc-hanh-chinh.yaml. */
  readonly proceduresPages: ProceduresPage[];
  readonly englishPages: EnglishPage[];
  /** The editors' contact page, which lists the contacts of content/du-lieu/to-chuc.yaml too. */
  readonly contactUrl = CONTACT_URL;
  readonly buildTime: DateTime;
  /** The documents library, newest first by ngày ban hành. */
  readonly documents: OfficialDocument[];
  readonly documentPages: ListingPage<OfficialDocument>[];
  readonly documentFilters: DocumentFilters;
  readonly home: HomePage;
  private readonly citations = new Map<string, Citation[]>();
  private readonly english = new Map<string, string>();
  private published?: Set<string>;
  private readonly links = new Map<string, ArticleLinks>();
  private readonly byCategory: Map<string, Article[]>;

  constructor(content: Content, site: SiteSettings, now: DateTime) {
    this.buildTime = now.setZone(VIETNAM);
    this.articles = content.articles;
    this.pages = content.pages;
    this.latest = this.articles.slice(0, 12);
    this.hot = this.articles.filter((a) => a.hot).slice(0, WIDGET_SIZE);
    this.featured = this.articles.filter((a) => a.featured).slice(0, WIDGET_SIZE);

    const byCategory = new Map<string, Article[]>(site.categories.map((c) => [c.slug, []]));
    this.byCategory = byCategory;
    const position = new Map<Article, number>();
    for (const article of this.articles) {
      const list = byCategory.get(article.category.slug);
      position.set(article, list?.length ?? 0);
      list?.push(article);
    }

    this.categories = [...site.categories]
      .sort((a, b) => a.order - b.order)
      .map((c) => {
        const items = byCategory.get(c.slug) ?? [];
        return { ...c, url: `/${c.slug}/`, feedUrl: `/${c.slug}/feed.xml`, count: items.length, latest: items.slice(0, 4) };
      });
    this.categoryPages = this.categories.flatMap((category) =>
      paginate(byCategory.get(category.slug) ?? [], site.pageSize, category.url, category.name).map((p) => ({ ...p, category })),
    );

    // Neighbours in time overall; related: the closest articles of the same category.
    this.articles.forEach((article, i) => {
      const siblings = byCategory.get(article.category.slug) ?? [];
      // The closest in time, shown newest first like every list of the site.
      const related = nearest(siblings, position.get(article) ?? 0, RELATED_SIZE).sort(newestFirst);
      this.links.set(article.url, { previous: this.articles[i + 1], next: this.articles[i - 1], related });
    });

    const years = new Map<number, Map<number, Article[]>>();
    for (const article of this.articles) {
      const { year, month } = article.date.setZone(VIETNAM);
      const months = years.get(year) ?? years.set(year, new Map()).get(year)!;
      (months.get(month) ?? months.set(month, []).get(month)!).push(article);
    }
    this.archive = [...years].map(([year, months]) => ({
      year,
      url: `/luu-tru/${year}/`,
      count: [...months.values()].reduce((n, list) => n + list.length, 0),
      months: [...months].map(([month, list]) => ({ month, url: monthUrl(year, month), count: list.length })),
    }));
    this.archivePages = [...years].flatMap(([year, months]) =>
      [...months].flatMap(([month, list]) => paginate(list, site.pageSize, monthUrl(year, month), `tháng ${month}/${year}`)),
    );

    const tagged = new Map<string, { tag: string; articles: Article[] }>();
    for (const article of this.articles) {
      for (const tag of new Set(article.tags)) {
        const url = tagUrl(tag);
        if (!url) continue;
        // The newest article's spelling names the page.
        (tagged.get(url) ?? tagged.set(url, { tag, articles: [] }).get(url)!).articles.push(article);
      }
    }
    this.tagPages = [...tagged]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([url, { tag, articles }]) => paginate(articles, site.pageSize, url, tag));

    this.documents = content.documents;
    this.documentPages = paginate(this.documents, site.pageSize, DOCUMENTS_URL, "Văn bản");
    this.documentFilters = documentFilters(this.documents, site);
    // Only published articles cite: a document page never links to a draft.
    for (const article of this.articles) {
      for (const doc of article.documents) {
        const list = this.citations.get(doc.url) ?? this.citations.set(doc.url, []).get(doc.url)!;
        list.push({ title: article.title, url: article.url, dayText: article.dayText, iso: article.iso });
      }
    }

    this.home = homePage(this.featured, this.articles, this.categories, byCategory);
    this.scheduleWeeks = buildWeeks(content.schedule, this.buildTime);
    this.currentWeek = this.scheduleWeeks.find((w) => w.current)!;

    this.fullName = fullName(site);
    const org = content.organisation;
    this.organisation = org && {
      ...org,
      groups: [
        { title: "Văn phòng và các phòng chuyên môn", titleEn: "Office and divisions", units: org.departments ?? [] },
        { title: "Chi cục", titleEn: "Sub-departments", units: org.sub_departments ?? [] },
        { title: "Đơn vị sự nghiệp", titleEn: "Public service units", units: org.centres ?? [] },
      ].filter((g) => g.units.length > 0),
    };
    this.aboutPages = org ? ABOUT_PAGES.map((p) => ({ ...p })) : [];
    const intro = this.pages.find((p) => p.url === ABOUT_URL);
    this.aboutSection = [...(intro ? [{ url: intro.url, title: intro.title }] : []), ...this.aboutPages];
    this.proceduresPages = content.procedures ? [proceduresPage(content.procedures)] : [];

    const published = new Set([...this.pages.map((p) => p.url), ...this.aboutPages.map((p) => p.url)]);
    const rank = (page: Page) => (ENGLISH_ORDER.includes(page.slug) ? ENGLISH_ORDER.indexOf(page.slug) : ENGLISH_ORDER.length);
    this.englishPages = [...content.englishPages]
      .sort((a, b) => rank(a) - rank(b) || a.slug.localeCompare(b.slug))
      .map((page) => {
        const counterpart = COUNTERPARTS[page.slug];
        return published.has(counterpart ?? "") ? { ...page, counterpart } : { ...page };
      });
    for (const page of this.englishPages) if (page.counterpart) this.english.set(page.counterpart, page.url);
  }

  /** Address of a page of the about section, when published. */
  aboutUrl(kind: AboutPage["kind"]): string | undefined {
    return this.aboutPages.find((p) => p.kind === kind)?.url;
  }

  /** Whether the build publishes a page at this address: the menu leaves out links to pages that are not there. */
  publishes(url: string): boolean {
    this.published ??= new Set(pagesOf(this).map((p) => p.url));
    return this.published.has(url);
  }

  /** The English page translating a Vietnamese one, if any. */
  englishOf(url: string): string | undefined {
    return this.english.get(url);
  }

  /** The newest articles of a category, for its feed. */
  feedOf(category: Category, size = 20): Article[] {
    return (this.byCategory.get(category.slug) ?? []).slice(0, size);
  }

  /** Published articles citing a document, newest first. */
  citationsOf(doc: OfficialDocument): Citation[] {
    return this.citations.get(doc.url) ?? [];
  }

  /** Previous, next and related articles of one article page. */
  linksOf(article: Article): ArticleLinks {
    return this.links.get(article.url) ?? { related: [] };
  }
}

function proceduresPage(data: ProceduresData): ProceduresPage {
  const fields = data.fields.map((field) => ({
    name: field.name,
    procedures: field.procedures.map((p) => ({ name: p.name, code: p.code, href: p.url ?? NATIONAL_PORTAL_SEARCH + encodeURIComponent(p.name) })),
  }));
  return { url: PROCEDURES_URL, title: "Thủ tục hành chính", fields, count: fields.reduce((n, f) => n + f.procedures.length, 0) };
}

const newestFirst = (a: Article, b: Article) => b.date.toMillis() - a.date.toMillis();

/**
 * The lead is the newest featured article with a photo (else the newest featured, else the newest with a photo);
 * then four of the other featured and newest articles, those with a photo first; then each category's newest not
 * yet shown, the first with a photo marked for a thumbnail.
 */
export function homePage(featured: Article[], articles: Article[], categories: CategorySummary[], byCategory: Map<string, Article[]>): HomePage {
  const recent = articles.slice(0, 12);
  const lead = featured.find((a) => a.image) ?? featured[0] ?? recent.find((a) => a.image) ?? articles[0];
  const shown = new Set<Article>(lead ? [lead] : []);
  // Secondary stories are shown with their thumbnails: those with a photo first, in the order editors set.
  const candidates = [...new Set([...featured, ...recent])].filter((a) => !shown.has(a));
  const secondary = [...candidates.filter((a) => a.image), ...candidates.filter((a) => !a.image)].slice(0, HOME_SECONDARY);
  for (const article of secondary) shown.add(article);
  const blocks = categories.flatMap((category) => {
    const items = (byCategory.get(category.slug) ?? []).filter((a) => !shown.has(a)).slice(0, HOME_BLOCK_SIZE);
    items.forEach((a) => shown.add(a));
    return items.length ? [{ category, items, thumb: items.find((a) => a.image) }] : [];
  });
  return { lead, secondary, blocks };
}

function monthUrl(year: number, month: number): string {
  return `/luu-tru/${year}/${String(month).padStart(2, "0")}/`;
}

/** Pages of `size` items: the first at baseUrl, then baseUrl + "trang-2/". */
export function paginate<T>(items: T[], size: number, baseUrl: string, title: string): ListingPage<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number) => (n === 1 ? baseUrl : `${baseUrl}trang-${n}/`);
  return Array.from({ length: pageCount }, (_, i) => ({
    title,
    url: urlOf(i + 1),
    pageNumber: i + 1,
    pageCount,
    items: items.slice(i * size, (i + 1) * size),
    previousUrl: i > 0 ? urlOf(i) : undefined,
    nextUrl: i + 1 < pageCount ? urlOf(i + 2) : undefined,
  }));
}

/** The choices of each filter of /van-ban/, in the settings' order, with counts; only those some document has. */
function documentFilters(documents: OfficialDocument[], site: SiteSettings): DocumentFilters {
  const count = (terms: readonly DocumentTerm[], of: (d: OfficialDocument) => DocumentTerm[]): FilterOption[] =>
    terms.map((t) => ({ value: t.slug, name: t.name, count: documents.filter((d) => of(d).some((x) => x.slug === t.slug)).length })).filter((o) => o.count > 0);
  const years = [...new Set(documents.map((d) => d.year))].sort((a, b) => b - a);
  return {
    types: count(site.documents.types, (d) => [d.type]),
    fields: count(site.documents.fields, (d) => d.fields),
    issuers: count(site.documents.issuers, (d) => [d.issuer]),
    years: years.map((y) => ({ value: String(y), name: String(y), count: documents.filter((d) => d.year === y).length })),
    statuses: STATUSES.map((s) => ({ value: s.slug, name: s.name, count: documents.filter((d) => d.status === s.slug).length })),
  };
}

/** Up to `count` items around index `at` (older first), excluding it. */
function nearest(list: Article[], at: number, count: number): Article[] {
  const picked: Article[] = [];
  for (let step = 1; picked.length < count && (at + step < list.length || at - step >= 0); step++) {
    const older = list[at + step];
    if (older) picked.push(older);
    const newer = list[at - step];
    if (newer && picked.length < count) picked.push(newer);
  }
  return picked;
}

/** Every week from the earliest entry (or this week) to the latest (or this week), Monday to Sunday. */
export function buildWeeks(entries: ScheduleEntry[], now: DateTime): ScheduleWeek[] {
  const thisWeek = weekStart(now);
  const firstEntry = entries[0];
  const lastEntry = entries[entries.length - 1];
  let start = firstEntry && weekStart(firstEntry.date) < thisWeek ? weekStart(firstEntry.date) : thisWeek;
  const end = lastEntry && weekStart(lastEntry.date) > thisWeek ? weekStart(lastEntry.date) : thisWeek;
  const byDay = new Map<string, ScheduleEntry[]>();
  for (const entry of entries) (byDay.get(entry.day) ?? byDay.set(entry.day, []).get(entry.day)!).push(entry);

  const weeks: ScheduleWeek[] = [];
  for (; start <= end; start = start.plus({ weeks: 1 })) {
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = start.plus({ days: i });
      const day = date.toISODate()!;
      return { day, label: `${weekdayName(date)}, ${formatDate(date)}`, entries: byDay.get(day) ?? [] };
    });
    const id = start.toFormat("kkkk-'W'WW");
    const span = `${start.weekNumber} (${weekSpan(start)})`;
    weeks.push({
      id,
      url: `/lich-cong-tac/${id.toLowerCase()}/`,
      number: start.weekNumber,
      label: `Tuần ${span}`,
      title: `Lịch công tác tuần ${span}`,
      days,
      entryCount: days.reduce((n, d) => n + d.entries.length, 0),
      current: start.equals(thisWeek),
    });
  }
  weeks.forEach((week, i) => {
    week.previousUrl = weeks[i - 1]?.url;
    week.nextUrl = weeks[i + 1]?.url;
  });
  return weeks;
}

/** "từ ngày 16/11 đến ngày 22/11/2026"; both years when the week straddles two. */
function weekSpan(start: DateTime): string {
  const end = start.plus({ days: 6 });
  const from = start.year === end.year ? start.toFormat("dd/MM") : formatDate(start);
  return `từ ngày ${from} đến ngày ${formatDate(end)}`;
}

export function createNewsroom(content: Content, site: SiteSettings, now: DateTime = DateTime.now()): Newsroom {
  return new Newsroom(content, site, now);
}
