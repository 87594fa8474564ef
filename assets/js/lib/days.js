// Days as readers type and read them, dd/mm/yyyy whatever the browser's language, and as the search keeps them.

/**
 * A typed day → "YYYY-MM-DD"; "" for an empty field; null for anything that is not a real day.
 * Takes "19/06/2020", "19/6/2020", "19-06-2020", "19.06.2020" and, from older addresses, "2020-06-19".
 * @param {string | null | undefined} text
 * @returns {string | null}
 */
export function parseDay(text) {
  const t = (text ?? "").trim();
  if (!t) return "";
  const vn = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vn ? [+vn[3], +vn[2], +vn[1]] : iso ? [+iso[1], +iso[2], +iso[3]] : [0, 0, 0];
  if (!y) return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * "YYYY-MM-DD" → "dd/mm/yyyy".
 * @param {string} iso
 */
export const showDay = (iso) => iso.split("-").reverse().join("/");
