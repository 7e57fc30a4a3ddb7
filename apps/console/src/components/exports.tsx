import { download } from '../api/client';
import { useAction } from './notices';

export type ExportFormat = 'csv' | 'xlsx' | 'html';

// Excel guesses the types of a CSV's cells, whatever its separator: XLSX is the file to open in Excel.
const LABELS: Record<ExportFormat, string> = { xlsx: 'Tải Excel (XLSX, nên dùng)', csv: 'Tải CSV (dấu ;)', html: 'Bản in (HTML)' };
const HINT = 'Nên dùng tệp Excel (XLSX). Tệp CSV theo quy ước Excel tiếng Việt: dấu ; giữa các cột, dấu phẩy thập phân.';

/** `path?format=…`; a CSV is asked for in the Vietnamese Excel convention (`locale=vi`: `;` between fields, `90,3`). */
export function exportPath(path: string, format: ExportFormat, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...query, format, ...(format === 'csv' ? { locale: 'vi' } : {}) });
  return `${path}?${params.toString()}`;
}

/** Saves a file the API answers (with the bearer token) under `fileName`; an HTML document opens in a new tab to print. */
export async function saveFile(path: string, fileName: string, openInTab = false): Promise<void> {
  const blob = await download(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  if (openInTab) link.target = '_blank';
  else link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The export buttons of a report or a list: `path` answers `?format=xlsx|csv|html`; Excel first, the recommended one. */
export function ExportButtons({
  path,
  fileStem,
  formats = ['xlsx', 'csv', 'html'],
  query,
}: {
  path: string;
  fileStem: string;
  formats?: ExportFormat[];
  query?: Record<string, string>;
}) {
  const act = useAction();
  return (
    <div className="exports">
      <div className="buttons">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'xlsx' ? undefined : 'secondary'}
            data-format={format}
            onClick={() => void act(() => saveFile(exportPath(path, format, query), `${fileStem}.${format}`, format === 'html'))}
          >
            {LABELS[format]}
          </button>
        ))}
      </div>
      {formats.includes('csv') && <p className="muted small">{HINT}</p>}
    </div>
  );
}
