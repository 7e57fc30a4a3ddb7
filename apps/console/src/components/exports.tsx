import { download } from '../api/client';
import { useAction } from './notices';

export type ExportFormat = 'csv' | 'xlsx' | 'html';

const LABELS: Record<ExportFormat, string> = { csv: 'Tải CSV', xlsx: 'Tải Excel (XLSX)', html: 'Bản in (HTML)' };

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

/** The export buttons of a report: `path` answers `?format=csv|xlsx|html`. */
export function ExportButtons({ path, fileStem, formats = ['csv', 'xlsx', 'html'] }: { path: string; fileStem: string; formats?: ExportFormat[] }) {
  const act = useAction();
  return (
    <div className="exports buttons">
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          className="secondary"
          data-format={format}
          onClick={() => void act(() => saveFile(`${path}?format=${format}`, `${fileStem}.${format}`, format === 'html'))}
        >
          {LABELS[format]}
        </button>
      ))}
    </div>
  );
}
