/**
 * Photos. Editors commit originals of any size (JPEG, PNG, WebP) under content/images/; pages get AVIF, WebP and
 * JPEG at the widths the layout uses, in <picture>, and a 1200×630 JPEG for social previews. Encoding goes through
 * @11ty/eleventy-img (sharp); its file names carry a hash of the original and of the encoder settings, so an output
 * that exists in the cache folder is the same bytes and is never encoded again. Addresses and sizes are known
 * synchronously (from the file's header and hash) while content loads; encoding runs later, beside Eleventy.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Image, { type ImageOptions, type ImageStat } from "@11ty/eleventy-img";
import { imageSize } from "image-size";
import sharp from "sharp";
import { slugify } from "../content/slug.ts";

/** Output widths: phone thumbnails at 2–3× up to the desktop article column at 2×. */
export const IMAGE_WIDTHS = [320, 640, 960, 1280, 1600] as const;
/** The layout's lead and the social preview are 1200 px wide: a smaller original blurs there. */
export const LEAD_MIN_WIDTH = 1200;
export const SHARE_SIZE = { width: 1200, height: 630 } as const;
/** What editors may commit, by the format found in the file (not its name). */
export const SUPPORTED_FORMATS = ["jpeg", "png", "webp"] as const;
/** Originals that pages show processed, never as committed. */
export const SUPPORTED_EXTENSIONS = /\.(jpe?g|png|webp)$/i;
/** Where processed images are published. */
export const IMAGE_URL_PATH = "/img/";
/** Encoded outputs kept between builds (CI restores this folder with actions/cache). */
export const DEFAULT_IMAGE_CACHE = fileURLToPath(new URL("../../../.cache/images", import.meta.url));

type SupportedFormat = (typeof SUPPORTED_FORMATS)[number];

// AVIF effort 2: the default (4) took 12× as long for the same bytes on the sample photos. mozjpeg: a third smaller.
const ENCODER: ImageOptions = {
  sharpAvifOptions: { quality: 50, effort: 2 },
  sharpWebpOptions: { quality: 72 },
  sharpJpegOptions: { quality: 75, mozjpeg: true },
};

/** The fallback <img src>: browsers without AVIF and WebP are old, and old phones have small screens. */
const FALLBACK_WIDTH = 960;

export interface ImageFile {
  format: SupportedFormat;
  /** As displayed: EXIF orientation applied. */
  width: number;
  height: number;
}

/** What an editor's image file is, or why it cannot be used. */
export type Inspection =
  | { ok: true; image: ImageFile }
  | { ok: false; reason: "missing" }
  | { ok: false; reason: "unreadable"; detail: string }
  | { ok: false; reason: "unsupported"; format: string };

/** Reads only the file's header: format and size, never trusting the file name. */
export function inspectImage(file: string): Inspection {
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, reason: "missing" };
  let found: { width?: number; height?: number; type?: string; orientation?: number };
  try {
    found = imageSize(file);
  } catch (error) {
    return { ok: false, reason: "unreadable", detail: error instanceof Error ? error.message : String(error) };
  }
  const format = found.type === "jpg" ? "jpeg" : (found.type ?? "");
  if (!(SUPPORTED_FORMATS as readonly string[]).includes(format)) return { ok: false, reason: "unsupported", format };
  if (!found.width || !found.height) return { ok: false, reason: "unreadable", detail: "no size in the header" };
  // Orientations 5–8 turn the photo a quarter: a phone's portrait shot is stored landscape.
  const turned = (found.orientation ?? 1) >= 5;
  return { ok: true, image: { format: format as SupportedFormat, width: turned ? found.height : found.width, height: turned ? found.width : found.height } };
}

/** One <picture>: plain data, so a template or the Markdown renderer can write it. */
export interface Picture {
  alt: string;
  /** Of the largest output; the browser scales it to the layout, keeping the ratio (no layout shift). */
  width: number;
  height: number;
  /** AVIF then WebP. */
  sources: { type: string; srcset: string }[];
  /** JPEG, for browsers that know neither. */
  img: { src: string; srcset: string };
}

/** A social preview image: og:image and its size. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  type: "image/jpeg";
}

export interface EncodeReport {
  /** Originals this build uses. */
  images: number;
  /** Originals encoded now (their outputs were not all in the cache). */
  encoded: number;
  /** Originals whose outputs were all in the cache. */
  reused: number;
  /** Output files published. */
  files: number;
}

interface Job {
  file: string;
  options: ImageOptions;
  /** Output file names, in the cache folder and under /img/. */
  outputs: string[];
  done?: Promise<boolean>;
}

export interface ImageLibraryOptions {
  /** The content folder: "/images/a.jpg" is content/images/a.jpg. */
  contentDir: string;
  /** Encoded outputs kept between builds. */
  cacheDir?: string;
}

/** The photos one build or preview uses: their addresses now, their files once encoded. */
export class ImageLibrary {
  readonly contentDir: string;
  readonly cacheDir: string;
  private readonly jobs = new Map<string, Job>();
  private readonly byOutput = new Map<string, Job>();
  private readonly inspected = new Map<string, { stamp: string; inspection: Inspection }>();

  constructor({ contentDir, cacheDir = DEFAULT_IMAGE_CACHE }: ImageLibraryOptions) {
    this.contentDir = contentDir;
    this.cacheDir = cacheDir;
  }

  /** content/images/… for an address "/images/…", or undefined when the address is not one. */
  fileOf(src: string): string | undefined {
    const prefix = "/images/";
    if (!src.startsWith(prefix)) return undefined;
    let relative: string;
    try {
      relative = decodeURI(src.slice(prefix.length).split(/[?#]/)[0]!);
    } catch {
      return undefined;
    }
    if (relative.split("/").some((part) => part === ".." || part === "")) return undefined;
    return path.join(this.contentDir, "images", ...relative.split("/"));
  }

  /** The header of a file, read once per version of the file. */
  inspect(file: string): Inspection {
    const stamp = existsSync(file) ? `${statSync(file).size}:${statSync(file).mtimeMs}` : "";
    const hit = this.inspected.get(file);
    if (hit?.stamp === stamp) return hit.inspection;
    const inspection = inspectImage(file);
    this.inspected.set(file, { stamp, inspection });
    return inspection;
  }

  /** The responsive <picture> of an image address, or undefined when it cannot be used (the checker says why). */
  picture(src: string, alt: string): Picture | undefined {
    const file = this.fileOf(src);
    const found = file ? this.inspect(file) : undefined;
    if (!file || !found?.ok) return undefined;
    const stats = this.register(file, found.image, responsiveOptions(file));
    const jpeg = stats.jpeg ?? [];
    const largest = jpeg[jpeg.length - 1]!;
    const fallback = [...jpeg].reverse().find((s) => s.width <= FALLBACK_WIDTH) ?? jpeg[0]!;
    return {
      alt,
      width: largest.width,
      height: largest.height,
      sources: (["avif", "webp"] as const).map((format) => ({ type: `image/${format}`, srcset: srcsetOf(stats[format] ?? []) })),
      img: { src: fallback.url, srcset: srcsetOf(jpeg) },
    };
  }

  /** The 1200×630 social preview of an image file (an editor's photo or the site's own picture). */
  share(file: string, alt: string): ShareImage | undefined {
    const found = this.inspect(file);
    if (!found.ok) return undefined;
    const stats = this.register(file, found.image, shareOptions(file));
    const stat = stats.jpeg?.[0];
    return stat && { url: stat.url, ...SHARE_SIZE, alt, type: "image/jpeg" };
  }

  /** The original behind a published name, if this library uses it. */
  hasOutput(name: string): boolean {
    return this.byOutput.has(name);
  }

  /**
   * Encodes every registered image whose outputs are not all cached, at most as many at once as there are cores.
   * Outputs are written to a private folder and renamed into the cache, so a reader never sees half a file.
   */
  async encode(): Promise<EncodeReport> {
    const jobs = [...this.jobs.values()];
    const results = await Promise.all(jobs.map((job) => this.run(job)));
    const files = new Set(jobs.map((j) => j.file));
    // An original counts as encoded when any of its sets (responsive, social preview) was.
    const encoded = new Set(jobs.filter((_, i) => results[i]).map((j) => j.file));
    return { images: files.size, encoded: encoded.size, reused: files.size - encoded.size, files: this.byOutput.size };
  }

  /** Makes sure one published file exists in the cache (the preview encodes on request), and returns its path. */
  async output(name: string): Promise<string | undefined> {
    const job = this.byOutput.get(name);
    if (!job) return undefined;
    await this.run(job);
    return path.join(this.cacheDir, name);
  }

  /** Puts this build's outputs under <out>/img/: hard links to the cache where possible, copies otherwise. */
  async publish(out: string): Promise<void> {
    const target = path.join(out, IMAGE_URL_PATH);
    await mkdir(target, { recursive: true });
    for (const name of this.byOutput.keys()) {
      const from = path.join(this.cacheDir, name);
      const to = path.join(target, name);
      await link(from, to).catch(() => copyFile(from, to));
    }
  }

  /** Deletes cached outputs this build does not use, so the cache (and CI's copy of it) does not grow forever. */
  async prune(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.cacheDir);
    } catch {
      return 0;
    }
    const stale = names.filter((n) => !n.startsWith(".") && !this.byOutput.has(n));
    await Promise.all(stale.map((n) => rm(path.join(this.cacheDir, n), { force: true })));
    return stale.length;
  }

  private register(file: string, image: ImageFile, options: ImageOptions): Partial<Record<string, ImageStat[]>> {
    const stats = Image.statsByDimensionsSync(file, image.width, image.height, { ...options, outputDir: this.cacheDir, urlPath: IMAGE_URL_PATH, useCache: false });
    const outputs = Object.values(stats).flat().map((s) => s.filename!);
    const key = outputs.join(" ");
    if (!this.jobs.has(key)) {
      const job: Job = { file, options, outputs };
      this.jobs.set(key, job);
      for (const name of outputs) this.byOutput.set(name, job);
    }
    return stats;
  }

  /** Encodes one original unless its outputs are cached; true when it encoded. */
  private run(job: Job): Promise<boolean> {
    job.done ??= (async () => {
      if (job.outputs.every((name) => existsSync(path.join(this.cacheDir, name)))) return false;
      mkdirSync(this.cacheDir, { recursive: true });
      const scratch = await mkdtemp(path.join(this.cacheDir, ".encoding-"));
      try {
        await Image(job.file, { ...job.options, outputDir: scratch, urlPath: IMAGE_URL_PATH, useCache: false });
        for (const name of job.outputs) await rename(path.join(scratch, name), path.join(this.cacheDir, name));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`ảnh ${path.relative(process.cwd(), job.file)} không xử lý được (${reason}); mở ảnh bằng máy tính, lưu lại dạng JPEG rồi tải lên lại`);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
      return true;
    })();
    return job.done;
  }
}

// Two originals at a time per core: each already uses libvips threads, and a 12-megapixel decode is ~40 MB.
Image.concurrency = os.availableParallelism();

function srcsetOf(stats: ImageStat[]): string {
  return stats.map((s) => s.srcset).join(", ");
}

/** "hoi-nghi-2020-<hash>-640.avif": the original's name for people, the hash for the cache. */
function baseName(file: string): string {
  return slugify(path.parse(file).name).slice(0, 60) || "anh";
}

function responsiveOptions(file: string): ImageOptions {
  const base = baseName(file);
  return {
    ...ENCODER,
    widths: [...IMAGE_WIDTHS],
    formats: ["avif", "webp", "jpeg"],
    // Animated or transparent originals still get all three formats: the page's markup lists them all.
    formatFiltering: false,
    // Transparent PNGs (logos) sit on the page's white, not on JPEG's black.
    transform: (image) => {
      image.flatten({ background: "#ffffff" });
    },
    filenameFormat: (id, _src, width, format) => `${base}-${id}-${width}.${format}`,
  };
}

function shareOptions(file: string): ImageOptions {
  const base = baseName(file);
  return {
    ...ENCODER,
    widths: [SHARE_SIZE.width],
    formats: ["jpeg"],
    formatFiltering: false,
    // Social networks crop to 1.91:1 anyway; cropping here keeps the interesting part (sharp's attention).
    transform: (image) => {
      image.flatten({ background: "#ffffff" }).resize(SHARE_SIZE.width, SHARE_SIZE.height, { fit: "cover", position: sharp.strategy.attention });
    },
    filenameFormat: (id, _src, _width, format) => `${base}-${id}-chia-se.${format}`,
  };
}

/** The layout's `sizes`: how wide each kind of picture is drawn, so the browser picks the right file. */
export const SIZES = {
  /** The main column: full width on phones, beside the 20rem sidebar from 60rem, at most 48rem. */
  column: "(min-width: 72rem) 48rem, (min-width: 60rem) calc(100vw - 24rem), calc(100vw - 2rem)",
  /** Secondary stories: cards two abreast from 40rem, a thumbnail beside the title on phones. */
  card: "(min-width: 40rem) 23rem, 7.5rem",
  /** Thumbnails beside titles and summaries. */
  thumb: "(min-width: 40rem) 11rem, 7.5rem",
  /** Portraits of the leadership (Giới thiệu). */
  portrait: "7.5rem",
} as const;

export interface PictureOptions {
  sizes: keyof typeof SIZES;
  /** The lead photo: fetched first, never lazily. Every other picture loads as it nears the screen. */
  lead?: boolean;
  /** Decorative beside a linked title that says the same: hidden from screen readers. */
  decorative?: boolean;
  /** A class for the <img>, for layouts that size it. */
  className?: string;
}

/** A <picture> element: AVIF, WebP, then the JPEG <img> with its size (no layout shift). */
export function pictureHtml(picture: Picture, { sizes, lead = false, decorative = false, className }: PictureOptions): string {
  const size = SIZES[sizes];
  const sources = picture.sources.map((s) => `<source type="${s.type}" srcset="${attribute(s.srcset)}" sizes="${size}">`).join("");
  const loading = lead ? ' fetchpriority="high"' : ' loading="lazy"';
  const alt = decorative ? "" : picture.alt;
  const classes = className ? ` class="${attribute(className)}"` : "";
  return `<picture>${sources}<img${classes} src="${attribute(picture.img.src)}" srcset="${attribute(picture.img.srcset)}" sizes="${size}" width="${picture.width}" height="${picture.height}" alt="${attribute(alt)}"${loading} decoding="async"></picture>`;
}

function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
