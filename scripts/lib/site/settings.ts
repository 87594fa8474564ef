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

export interface MenuItem {
  label: string;
  url: string;
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

export interface SiteSettings {
  name: string;
  shortName: string;
  /** Parent authority printed above the name. */
  authority: string;
  /** Absolute production URL, no trailing slash. */
  url: string;
  description: string;
  address: string;
  phone: string;
  email: string;
  /** Editorial responsibility line of the footer. */
  responsible: string;
  categories: Category[];
  menu: MenuItem[];
  linkedWebsites: LinkedWebsite[];
  counter: CounterSettings;
  /** Articles per category or archive page. */
  pageSize: number;
  /** IANA zone every date is read and shown in. */
  timeZone: string;
}
