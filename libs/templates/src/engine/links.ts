import { displayedText } from '@loa/sms';

export interface LinkMatch {
  /** As a phone shows it. */
  text: string;
  /** UTF-16 index in the text as written. */
  index: number;
  /** Lower-case host as a browser resolves it: "http://0x7f000001/" has host 127.0.0.1, "http://[::1]/" has [::1]. */
  host: string;
}

// Top-level domains that make a bare "name.tld" a link even without a scheme or a path.
const BARE_TLDS = 'vn|com|net|org|gov|edu|info|biz|io|me|co|xyz|top|online|site|link|app|ly|gl|cc|tk|ru|cn|shop|club|live|pro|asia';
/** Each kind of link a phone makes tappable, most specific first: where two overlap, the first kind wins. */
const LINKS: { kind: 'url' | 'www' | 'ipv6' | 'ipv4' | 'domain'; pattern: RegExp }[] = [
  // Any scheme: http, https, ftp, zalo…; the host may be a name or a number in any notation.
  { kind: 'url', pattern: /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"]+/gi },
  { kind: 'www', pattern: /\bwww\.[^\s<>"]+/gi },
  { kind: 'ipv6', pattern: /\[[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.]*\](?::\d{1,5})?(?:[/?#][^\s<>"]*)?/gi },
  { kind: 'ipv4', pattern: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)(?::\d{1,5})?(?:[/?#][^\s<>"]*)?/g },
  {
    kind: 'domain',
    pattern: new RegExp(
      String.raw`\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,24}\/[^\s<>"]*|(?:${BARE_TLDS})\b(?![.\-]?\w)(?::\d{1,5}(?:\/[^\s<>"]*)?)?)`,
      'gi',
    ),
  },
];
// A sum of money ("1.200.000.000 đồng") has the shape of a dotted IPv4 address; the words after it tell them apart.
const MONEY_AFTER = /^\s?(?:đồng|dong|vnđ|vnd|đ|d|₫|triệu|trieu|tỷ|ty|nghìn|nghin|ngàn|ngan)(?!\p{L})/iu;

/**
 * Links in text as a phone shows it (so "evil\u200b.com" and "evil．com" are found): any scheme://…, www.…,
 * bracketed IPv6, dotted IPv4 with or without a scheme, and bare domain.tld or domain.tld/path. With a
 * scheme, a numeric host in any notation (decimal "http://16909060", hex "0x7f000001", octal "0177.0.0.1")
 * resolves to the address a browser would open.
 */
export function findLinks(written: string): LinkMatch[] {
  const shown = displayedText(written);
  const taken: { start: number; end: number }[] = [];
  const found: (LinkMatch & { start: number })[] = [];
  for (const { kind, pattern } of LINKS) {
    for (const match of shown.text.matchAll(pattern)) {
      // Sentence punctuation after a link is not part of it.
      const text = match[0].replace(/[.,;:!?)"'»”’]+$/, '');
      const start = match.index;
      const end = start + text.length;
      if (taken.some((span) => start < span.end && span.start < end)) continue;
      if (kind === 'ipv4' && !isIpv4Link(text, shown.text.slice(match.index + match[0].length))) continue;
      const host = hostOf(text, kind === 'url');
      if (!host) continue;
      taken.push({ start, end });
      found.push({ text, index: shown.writtenIndex(start), host, start });
    }
  }
  return found.sort((a, b) => a.start - b.start).map(({ text, index, host }) => ({ text, index, host }));
}

/**
 * Four numbers up to 255. In the shape of a sum of money (groups of three after the first) it is one when it
 * ends in ".000" ("2.000.000.000") or a currency follows ("1.200.100.150 đồng"), unless a port or a path says otherwise.
 */
function isIpv4Link(text: string, after: string): boolean {
  const [address, rest] = [text.split(/[:/?#]/)[0], /[:/?#]/.test(text)];
  if (!address.split('.').every((octet) => Number(octet) <= 255)) return false;
  if (rest) return true;
  return !(/^\d{1,3}(?:\.\d{3}){3}$/.test(address) && (address.endsWith('.000') || MONEY_AFTER.test(after)));
}

/** The host a browser opens; a link without a scheme is read as http. */
function hostOf(link: string, hasScheme: boolean): string {
  try {
    return new URL(hasScheme ? link : `http://${link}`).hostname.toLowerCase();
  } catch {
    return link
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/^[^/?#]*@/, '')
      .split(/[/?#]/)[0]
      .replace(/:\d*$/, '')
      .toLowerCase();
  }
}

/** True when the host is an allowed domain or one of its subdomains. */
export function isAllowedHost(host: string, allowedDomains: readonly string[]): boolean {
  const name = host.replace(/\.+$/, '');
  return allowedDomains.some((domain) => {
    const allowed = domain.toLowerCase().replace(/^\.+|\.+$/g, '');
    return name === allowed || name.endsWith(`.${allowed}`);
  });
}
