// @11ty/eleventy-img 6 ships JavaScript without declarations; these cover the API this project calls.
declare module "@11ty/eleventy-img" {
  import type { Sharp } from "sharp";

  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename?: string;
    outputPath?: string;
    size?: number;
  }

  export type ImageMetadata = Record<string, ImageStat[]>;

  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    formatFiltering?: false | string[];
    filenameFormat?: (id: string, src: string, width: number, format: string, options: ImageOptions) => string;
    transform?: (sharp: Sharp) => void | Promise<void>;
    sharpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    minimumThreshold?: number;
    failOnError?: boolean;
  }

  interface ImageFunction {
    (src: string, options?: ImageOptions): Promise<ImageMetadata>;
    statsByDimensionsSync(src: string, width: number, height: number, options?: ImageOptions): ImageMetadata;
    concurrency: number;
  }

  const Image: ImageFunction;
  export default Image;
}
