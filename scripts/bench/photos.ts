/**
 * Phone-sized photos for the image bench: a few drawn scenes at 4032×3024 with sensor-like grain (so encoders work
 * as hard as on real photos), copied into as many distinct files as asked. Each copy differs by a JPEG comment, so
 * its content hash, and therefore every output, is its own: the build encodes each one.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export const PHOTO_SIZE = { width: 4032, height: 3024 } as const;
const BASES = 8;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One scene: sky, ground, and shapes standing for people and objects. */
function scene(seed: number): string {
  const r = random(seed);
  const { width: w, height: h } = PHOTO_SIZE;
  const colour = () => `hsl(${Math.floor(r() * 360)} ${30 + Math.floor(r() * 50)}% ${25 + Math.floor(r() * 50)}%)`;
  let shapes = "";
  for (let i = 0; i < 160; i++) {
    const x = r() * w;
    const y = h * 0.35 + r() * h * 0.65;
    const size = 40 + r() * 260;
    shapes += r() < 0.5 ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${colour()}"/>` : `<rect x="${x}" y="${y}" width="${size}" height="${size * (0.6 + r())}" rx="${size / 8}" fill="${colour()}"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="#eef3f7"/></linearGradient></defs>
<rect width="${w}" height="${h * 0.4}" fill="url(#sky)"/><rect y="${h * 0.4}" width="${w}" height="${h * 0.6}" fill="${colour()}"/>${shapes}</svg>`;
}

/** A 4032×3024 JPEG at a phone's quality, with grain. */
async function basePhoto(seed: number): Promise<Buffer> {
  const { width, height } = PHOTO_SIZE;
  const grain = await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 24 } } }).png().toBuffer();
  return sharp(Buffer.from(scene(seed)))
    .composite([{ input: grain, blend: "soft-light" }])
    .blur(0.8)
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** A JPEG comment segment right after the start-of-image marker: same picture, different file. */
function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, "latin1");
  const segment = Buffer.alloc(4 + body.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  body.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** Writes `count` distinct photos under `dir` and returns their names (relative to dir) and total bytes. */
export async function generatePhotos(dir: string, count: number, seed: number): Promise<{ names: string[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const bases: Buffer[] = [];
  for (let i = 0; i < Math.min(BASES, count); i++) bases.push(await basePhoto(seed * 100 + i));
  const names: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const name = `anh-${String(i + 1).padStart(4, "0")}.jpg`;
    const photo = withComment(bases[i % bases.length]!, `toa-soan bench ${seed} ${i}`);
    await writeFile(path.join(dir, name), photo);
    names.push(name);
    bytes += photo.length;
  }
  return { names, bytes };
}
