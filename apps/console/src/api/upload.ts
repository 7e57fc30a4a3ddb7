import { bearerToken } from '../session';
import { answer, api, ApiError } from './client';
import { type ApiErrorBody } from './models';

/**
 * POSTs a file as text/csv with the bearer token, telling `onProgress` the share sent (0–1): fetch() cannot
 * report an upload's progress, XMLHttpRequest can. Resolves with the JSON answer, or rejects with an ApiError.
 */
export function uploadCsv<T>(path: string, file: File, onProgress: (sent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Content-Type', 'text/csv');
    request.setRequestHeader('Authorization', `Bearer ${bearerToken() ?? ''}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError({ statusCode: 0, error: 'NETWORK', message: 'the API did not answer' }));
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve(request.response as T);
      const body = request.response as Partial<ApiErrorBody> | null;
      const error =
        body && typeof body.error === 'string' && typeof body.message === 'string'
          ? { statusCode: request.status, error: body.error, message: body.message, details: body.details }
          : { statusCode: request.status, error: `HTTP_${request.status}`, message: `HTTP ${request.status}` };
      // A session that ended: the typed client's own 401 handling logs out, as on every other call.
      if (request.status === 401) void answer(api.GET('/auth/me')).catch(() => undefined);
      reject(new ApiError(error));
    };
    request.send(file);
  });
}

/** Rows of a CSV the API wrote (RFC 4180: quoted fields, doubled quotes, a BOM at the start). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
