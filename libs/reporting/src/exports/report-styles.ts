import { createHash } from 'node:crypto';
import { REPORT_PARTIALS } from './report-partials.hbs';

/**
 * The Content-Security-Policy sources of the inline `<style>` elements the printable reports carry
 * (`'sha256-…'`, over the element's text as written). The reports run no script; the API allows these styles
 * and nothing else, so a page with anything added to it renders unstyled rather than running it.
 */
export function reportStyleSources(): string[] {
  const styles = Object.values(REPORT_PARTIALS).flatMap((partial) => [...partial.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]));
  return styles.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
}
