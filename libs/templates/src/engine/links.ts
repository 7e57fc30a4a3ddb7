export interface LinkMatch {
  text: string;
  index: number;
  /** Lower-case host name. */
  host: string;
}

// Top-level domains that make a bare "name.tld" a link even without a scheme or a path.
const BARE_TLDS = 'vn|com|net|org|gov|edu|info|biz|io|me|co|xyz|top|online|site|link|app|ly|gl|cc|tk|ru|cn|shop|club|live|pro|asia';
const LINK = new RegExp(
  String.raw`\bhttps?:\/\/[^\s]+` +
    String.raw`|\bwww\.[^\s]+` +
    String.raw`|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,24}\/[^\s]*|(?:${BARE_TLDS})\b(?![.\-]?\w))`,
  'gi',
);

/** Links in text: http(s)://…, www.…, and bare domain.tld or domain.tld/path. */
export function findLinks(text: string): LinkMatch[] {
  const found: LinkMatch[] = [];
  for (const match of text.matchAll(LINK)) {
    // Sentence punctuation after a link is not part of it.
    const link = match[0].replace(/[.,;:!?)"'»”’]+$/, '');
    const host = link
      .replace(/^https?:\/\//i, '')
      .split(/[/?#:]/)[0]
      .toLowerCase();
    if (host.includes('.')) found.push({ text: link, index: match.index, host });
  }
  return found;
}

/** True when the host is an allowed domain or one of its subdomains. */
export function isAllowedHost(host: string, allowedDomains: readonly string[]): boolean {
  return allowedDomains.some((domain) => {
    const allowed = domain.toLowerCase().replace(/^\.+|\.+$/g, '');
    return host === allowed || host.endsWith(`.${allowed}`);
  });
}
