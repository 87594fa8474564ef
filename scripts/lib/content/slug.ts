/** URL slugs for Vietnamese: "Hoạt động KH&CN" → "hoat-dong-khcn". */

// NFD splits tones from letters, but đ/Đ are letters of their own and need mapping.
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/&/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Folds tones for comparisons and suggestions ("Sở hữu trí tuệ" ~ "so huu tri tue"). */
export function foldTones(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}
