/** Administrative words people put in front of a name or leave out ("Tỉnh", "Thành phố", "TP.", "Thủ đô"). */
const UNIT_PREFIX = /^(tinh|thanh pho|thu do|tp\.?)\s*/;

/**
 * The comparison key for a province name: NFD, combining marks dropped, đ folded to d, lower case, the
 * administrative prefix and every non-alphanumeric character removed. It makes NFC/NFD, both tone-mark
 * placements ("Thanh Hóa" / "Thanh Hoá"), ASCII-typed names ("Da Nang") and slugs ("ba-ria-vung-tau")
 * meet; the directory refuses to load if two different units ever share a key (tested over all 97 names).
 */
export function provinceKey(input: string): string {
  const folded = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
  return folded.replace(UNIT_PREFIX, '').replace(/[^a-z0-9]/g, '');
}

/** "legacy:93", "cũ:93", "cu:93" (case and spaces free): a pre-2025 code, only ever accepted in this form. */
const LEGACY_CODE = /^\s*(legacy|cũ|cu)\s*:\s*(\d{1,2})\s*$/i;

export function parseLegacyCode(input: string): string | null {
  const match = LEGACY_CODE.exec(input.normalize('NFC'));
  return match ? match[2].padStart(2, '0') : null;
}

/** A bare 1–2 digit code; spreadsheets often drop the leading zero ("1" for "01"). */
export function parseCurrentCode(input: string): string | null {
  const trimmed = input.trim();
  return /^\d{1,2}$/.test(trimmed) ? trimmed.padStart(2, '0') : null;
}
