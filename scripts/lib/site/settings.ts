/** Typed shape of the department's settings, declared in site.config.ts. */

export interface Category {
  /** Display name, as readers see it. */
  name: string;
  /** URL segment, ASCII without tones. */
  slug: string;
  /** Position in menus and on the home page. */
  order: number;
  /** One line shown under the category's heading. */
  description?: string;
}

export interface MenuLink {
  label: string;
  url: string;
}

/** The "Chuyên mục" entry: a submenu of every category, built from `categories`. */
export interface CategoriesMenu {
  label: string;
  categories: true;
}

export type MenuItem = MenuLink | CategoriesMenu;

/** The province or centrally governed city the department serves. */
export interface Province {
  kind: "tỉnh" | "thành phố";
  /** Its name alone, without "tỉnh": "Minh Sơn". */
  name: string;
}

/** How the English pages (/en/) name the department. */
export interface EnglishIdentity {
  /** "Minh Son Department of Science and Technology" */
  name: string;
  /** "Minh Son Provincial People's Committee" */
  governingBody: string;
  address: string;
  description: string;
}

export interface LinkedWebsite {
  name: string;
  url: string;
}

export interface CounterSettings {
  /** Route of the edge function. */
  endpoint: string;
  /** Total carried over from the old portal; the first visit adds one to it. */
  initialTotal: number;
  /** Longest wait for the database before answering with an error. */
  timeoutMs: number;
}

/** Headings of the sidebar's and home page's blocks; several departments rename them (e.g. "Tin nổi bật"). */
export interface WidgetLabels {
  search: string;
  hot: string;
  featured: string;
  schedule: string;
  linkedWebsites: string;
  visits: string;
}

/** The old portal's headings, kept for a department that sets none. */
export const DEFAULT_WIDGET_LABELS: WidgetLabels = {
  search: "Tìm kiếm theo chuyên mục - nội dung - ngày tháng",
  hot: "Tin nóng",
  featured: "Tin tiêu điểm",
  schedule: "Lịch công tác",
  linkedWebsites: "Website liên kết",
  visits: "Thống kê truy cập",
};

/** The department's headings, each one it leaves out taken from the old portal's. */
export function widgetLabels(site: Pick<SiteSettings, "widgets">): WidgetLabels {
  return { ...DEFAULT_WIDGET_LABELS, ...site.widgets };
}

/** An entry of a documents list (loại, lĩnh vực, cơ quan ban hành): editors write its name, short name or slug. */
export interface DocumentTerm {
  /** As readers see it: "Quyết định", "Ủy ban nhân dân tỉnh". */
  name: string;
  /** URL and filter value, ASCII without tones. */
  slug: string;
  /** Another name editors use for it: "UBND tỉnh". */
  short?: string;
  /** Its abbreviation inside numbers ("QĐ" in 15/2025/QĐ-UBND, "UBND"): lets the scaffold fill loại and cơ quan. */
  code?: string;
}

/** The documents library (văn bản): its closed lists, which are also the list page's filters. */
export interface DocumentSettings {
  /** Loại văn bản. */
  types: DocumentTerm[];
  /** Lĩnh vực. */
  fields: DocumentTerm[];
  /** Cơ quan ban hành. */
  issuers: DocumentTerm[];
  /** Hosts a document's `lien_ket` may point to (the national legal-documents databases), https only. */
  linkHosts: string[];
}

export interface SiteSettings {
  /** The department's name without its province: "Sở Khoa học và Công nghệ". */
  name: string;
  shortName: string;
  province: Province;
  /** Cơ quan chủ quản, printed above the name: "Ủy ban nhân dân tỉnh Minh Sơn". */
  governingBody: string;
  /** The logo or emblem shown in the header, a file under assets/: "/assets/img/logo.svg". */
  logo: string;
  /** Absolute production URL, no trailing slash. */
  url: string;
  description: string;
  address: string;
  phone: string;
  email: string;
  /** Editorial responsibility line of the footer. */
  responsible: string;
  /** Licence line of the footer, when the portal has one. */
  licence?: string;
  /** Re-publication line of the footer: "Ghi rõ nguồn … khi phát hành lại thông tin từ website này." */
  republication: string;
  english: EnglishIdentity;
  categories: Category[];
  menu: MenuItem[];
  linkedWebsites: LinkedWebsite[];
  /** Block headings; any left out keep the old portal's (DEFAULT_WIDGET_LABELS). */
  widgets?: Partial<WidgetLabels>;
  counter: CounterSettings;
  documents: DocumentSettings;
  /** Articles per category or archive page, documents per page of the library. */
  pageSize: number;
  /** IANA zone every date is read and shown in. */
  timeZone: string;
  /** The picture social networks show for a page without a photo of its own: path from the project root, and its description. */
  shareImage: { file: string; alt: string };
}
