import { findLinks, isAllowedHost } from './links';

const hosts = (text: string) => findLinks(text).map((link) => link.host);

describe(findLinks.name, () => {
  it.each([
    ['a decimal IPv4 host', 'Xem http://16909060/x', '1.2.3.4'],
    ['a decimal IPv4 host without a path', 'Xem https://3232235777 ngay', '192.168.1.1'],
    ['a hex IPv4 host', 'Xem http://0x7f000001/', '127.0.0.1'],
    ['an octal IPv4 host', 'Xem http://0177.0.0.1/x', '127.0.0.1'],
    ['a dotted IPv4 host', 'Xem http://10.0.0.1:8080/x', '10.0.0.1'],
    ['a bracketed IPv6 host', 'Xem http://[::1]/', '[::1]'],
    ['a scheme-less dotted IPv4 host', 'Xem 192.168.1.1/login', '192.168.1.1'],
    ['a scheme-less bare IPv4 address', 'Truy cập 10.0.0.1 ngay', '10.0.0.1'],
    ['a scheme-less IPv4 address with three-digit parts', 'Truy cập 103.221.220.124 ngay', '103.221.220.124'],
    ['a scheme-less bracketed IPv6 host', 'Xem [2001:db8::1]/x', '[2001:db8::1]'],
    ['a scheme-less host with a path', 'Xem evil.com/x', 'evil.com'],
    ['a short link', 'Xem bit.ly/abc', 'bit.ly'],
    ['a host with a port', 'Xem evil.com:8080/x', 'evil.com'],
    ['an allowed name before an @', 'Xem http://bocongan.gov.vn@evil.com/x', 'evil.com'],
    ['a percent-encoded host', 'Xem http://%62ocongan.gov.vn.evil.io/x', 'bocongan.gov.vn.evil.io'],
    ['another scheme', 'Mở zalo://evil/x', 'evil'],
    ['a host split by an invisible character', 'Xem evil\u3164.com/x', 'evil.com'],
  ])('finds %s', (_, text, host) => {
    expect(hosts(text)).toEqual([host]);
  });

  it('gives the link as the phone shows it and its place in the text as written', () => {
    expect(findLinks('Xem\u200b evil．com/x.')).toEqual([{ text: 'evil.com/x', index: 5, host: 'evil.com' }]);
  });

  it.each([
    ['sums of money', 'Phạt 5.000.000 đồng, mất 1.200.000.000 đồng hoặc 2.000.000.000đ, thiệt hại 1.200.000.000.'],
    ['dates and decrees', 'Từ 01.12.2025, theo Nghị định 13/2023/NĐ-CP'],
    ['abbreviations with dots', 'Công an TP.HCM: cảnh giác, v.v.'],
    ['a version number', 'VNeID 2.1.5'],
  ])('finds no link in %s', (_, text) => {
    expect(findLinks(text)).toEqual([]);
  });
});

describe(isAllowedHost.name, () => {
  it('accepts an allowed domain and its subdomains, with or without a final dot', () => {
    expect(isAllowedHost('bocongan.gov.vn', ['bocongan.gov.vn'])).toBe(true);
    expect(isAllowedHost('canhbao.bocongan.gov.vn.', ['bocongan.gov.vn'])).toBe(true);
  });

  it('refuses look-alikes and numeric hosts', () => {
    expect(isAllowedHost('bocongan.gov.vn.evil.io', ['bocongan.gov.vn'])).toBe(false);
    expect(isAllowedHost('xbocongan.gov.vn', ['bocongan.gov.vn'])).toBe(false);
    expect(isAllowedHost('127.0.0.1', ['bocongan.gov.vn'])).toBe(false);
  });
});
