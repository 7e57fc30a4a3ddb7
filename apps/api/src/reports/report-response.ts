import { type Response } from 'express';

/** Sends an export as a download named in ASCII and in UTF-8 (RFC 6266), so Vietnamese names survive. */
export function sendDownload(response: Response, body: string | Buffer, type: string, name: string): void {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  response
    .status(200)
    .type(type)
    .setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The province a report is about, when its rows are of one only (the dateline's place). */
export function onlyProvince(rows: { provinceName: string }[]): string | null {
  const names = new Set(rows.map((row) => row.provinceName));
  return names.size === 1 ? [...names][0] : null;
}
