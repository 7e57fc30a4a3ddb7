/** NFC and nothing else: text pasted from Word or macOS often arrives decomposed (NFD). */
export function normalizeSmsText(text: string): string {
  return text.normalize('NFC');
}
