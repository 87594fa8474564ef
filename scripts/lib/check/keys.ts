/** Front-matter keys the schema does not know, with the key the editor probably meant. */
import { distance as editDistance } from "fastest-levenshtein";
import { z } from "zod";
import { foldTones } from "../content/slug.ts";

// What editors write when they think in Vietnamese, folded and joined with "_".
const VIETNAMESE_KEYS: Record<string, string> = {
  tieu_de: "title",
  ten_bai: "title",
  ngay: "date",
  ngay_dang: "date",
  thoi_gian: "date",
  chuyen_muc: "category",
  danh_muc: "category",
  nguon: "source",
  nguon_tin: "source",
  tac_gia: "source",
  tom_tat: "summary",
  mo_ta: "summary",
  sapo: "summary",
  anh: "image",
  hinh: "image",
  hinh_anh: "image",
  anh_dai_dien: "image",
  alt: "image_alt",
  mo_ta_anh: "image_alt",
  chu_thich_anh: "image_alt",
  the: "tags",
  tu_khoa: "tags",
  tag: "tags",
  tin_nong: "hot",
  tieu_diem: "featured",
  noi_bat: "featured",
  nhap: "draft",
  ban_nhap: "draft",
  duong_dan: "slug",
  dia_chi_cu: "aliases",
  alias: "aliases",
  buoi: "session",
  gio: "time",
  noi_dung: "content",
  dia_diem: "location",
  chu_tri: "chair",
  thanh_phan: "attendees",
  // Documents (content/van-ban/).
  so_hieu: "so_ky_hieu",
  ky_hieu: "so_ky_hieu",
  so_van_ban: "so_ky_hieu",
  loai_van_ban: "loai",
  co_quan: "co_quan_ban_hanh",
  noi_ban_hanh: "co_quan_ban_hanh",
  ngay_ky: "ngay_ban_hanh",
  ngay_co_hieu_luc: "ngay_hieu_luc",
  hieu_luc: "ngay_hieu_luc",
  het_hieu_luc: "ngay_het_hieu_luc",
  tep_dinh_kem: "tep",
  dinh_kem: "tep",
  file: "tep",
  van_ban_lien_quan: "van_ban",
  // content/du-lieu/
  ho_ten: "name",
  ten: "name",
  chuc_vu: "position",
  dien_thoai: "phone",
  so_dien_thoai: "phone",
  sdt: "phone",
  thu_dien_tu: "email",
  dia_chi: "address",
  nhiem_vu: "duties",
  phu_trach: "duties",
  nguoi_dung_dau: "head",
  anh_chan_dung: "photo",
  ma: "code",
  ma_thu_tuc: "code",
  lien_ket: "url",
  link: "url",
  linh_vuc: "fields",
  thu_tuc: "procedures",
};

const normalise = (key: string) => foldTones(key).replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

/** The known key an unknown one most likely stands for. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  const key = normalise(unknown);
  const translated = VIETNAMESE_KEYS[key];
  if (translated && known.includes(translated)) return translated;
  // imageAlt, image-alt, Image_Alt
  const squashed = key.replace(/_/g, "");
  const exact = known.find((k) => k.replace(/_/g, "") === squashed);
  if (exact) return exact;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.key : undefined;
}

export interface UnknownKey {
  /** Path of the map that holds the key: ["departments", 1]. */
  path: PropertyKey[];
  key: string;
  known: string[];
}

/** Keys of a YAML data file that its schema does not know, at any depth. */
export function unknownDataKeys(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): UnknownKey[] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    return Object.entries(value).flatMap(([key, child]) =>
      key in shape ? unknownDataKeys(shape[key]!, child, [...path, key]) : [{ path, key, known }],
    );
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownDataKeys(inner.element as z.ZodType, item, [...path, i]));
  }
  return [];
}
