/** What every content file goes through before it is parsed: Windows and Word habits undone, lines kept. */

// Invisible C0/C1 controls and the two non-characters XML 1.0 forbids; tab and line feed stay.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * A byte-order mark dropped, CRLF and lone CR made LF, control characters removed, and NFC: decomposed letters
 * (macOS, old portals) composed, so text compares, slugs and is indexed as typed. Every line break stays one
 * line break, so line numbers in messages still match what the editor sees.
 */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").normalize("NFC");
}
