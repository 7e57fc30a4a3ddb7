import { type FormEvent, useRef, useState } from 'react';
import { answer, api, download } from '../api/client';
import { type ImportJob } from '../api/admin-models';
import { parseCsv, uploadCsv } from '../api/upload';
import { DataTable } from '../components/data-table';
import { saveFile } from '../components/exports';
import { useAction } from '../components/notices';
import { formatNumber, formatTime } from '../format';
import '../admin.css';

interface Rejection {
  line: number;
  reason: string;
  raw: string;
}

/** The English reasons the importer gives a refused row, said in Vietnamese (the original stays beside it). */
const REJECTION_REASONS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^bad number: wrong length: (\d+) digits/, (m) => `Số điện thoại sai độ dài (${m[1]} chữ số; cần 0 + 9 chữ số hoặc 84 + 9 chữ số)`],
  [/^bad number: empty/, () => 'Thiếu số điện thoại'],
  [/^bad number: not a Vietnamese number/, () => 'Không phải số Việt Nam (chỉ nhận +84)'],
  [/^bad number/, () => 'Số điện thoại không hợp lệ'],
  [/^unknown carrier "(.*)"/, (m) => `Không nhận ra nhà mạng "${m[1]}" (viettel, vnpt/vinaphone hoặc mobifone)`],
  [/^unknown province "(.*)"/, (m) => `Không nhận ra tỉnh, thành phố "${m[1]}"`],
  [/^province (\d+) \((.*)\) is outside your scope/, (m) => `Tỉnh ${m[2]} (${m[1]}) nằm ngoài phạm vi của bạn`],
  [/^unknown status "(.*)"/, (m) => `Không nhận ra trạng thái "${m[1]}" (active hoặc opted_out)`],
  [/^wrong column count: (\d+) instead of (\d+)/, (m) => `Sai số cột: ${m[1]} thay vì ${m[2]}`],
  [/^duplicate in file: same number as line (\d+)/, (m) => `Trùng số với dòng ${m[1]} trong cùng tệp`],
  [/^not a subscriber of your provinces/, () => 'Không phải thuê bao của các tỉnh trong phạm vi của bạn'],
  [/^broken quoting/, () => 'Dấu ngoặc kép không đóng đúng'],
  [/^not UTF-8 text/, () => 'Không phải văn bản UTF-8 (hãy lưu tệp dạng "CSV UTF-8")'],
  [/^contains a NUL character/, () => 'Có ký tự NUL (dữ liệu nhị phân, không phải văn bản)'],
];

export function rejectionInVietnamese(reason: string): string {
  for (const [pattern, say] of REJECTION_REASONS) {
    const match = reason.match(pattern);
    if (match) return say(match);
  }
  return 'Dòng không hợp lệ';
}

/** Subscriber imports: upload a carrier's CSV list with progress, then its counts and the rows refused (rejections.csv). */
export function ImportsScreen() {
  const act = useAction();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [rejections, setRejections] = useState<Rejection[] | null>(null);
  const [jobId, setJobId] = useState('');

  async function show(found: ImportJob) {
    setJob(found);
    setRejections(found.rejected > 0 ? await readRejections(found.id) : []);
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setJob(null);
    setRejections(null);
    setSent(0);
    await act(async () => {
      try {
        await show(await uploadCsv<ImportJob>('/subscribers/imports', file, setSent));
      } finally {
        setSent(null);
      }
    });
  }

  async function open(event: FormEvent) {
    event.preventDefault();
    setJob(null);
    setRejections(null);
    await act(async () => show(await answer<ImportJob>(api.GET('/subscribers/imports/{id}', { params: { path: { id: Number(jobId) } } }))));
  }

  return (
    <div className="grid">
      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">Nhập danh sách thuê bao</h2>
        <p className="muted small">
          Tệp CSV UTF-8, dòng tiêu đề <code>so_dien_thoai,nha_mang,tinh[,trang_thai]</code> (hoặc <code>msisdn,carrier,province[,status]</code>). Dòng sai bị từ
          chối từng dòng; các dòng đúng vẫn được nhập.
        </p>
        <form onSubmit={(event) => void upload(event)}>
          <label>
            Tệp danh sách (.csv)
            <input ref={fileInput} name="import-file" type="file" accept=".csv,text/csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <button type="submit" data-action="upload" disabled={!file || sent !== null}>
            Tải lên và nhập
          </button>
        </form>
        {sent !== null && <UploadProgress sent={sent} />}
      </section>
      <section className="card" aria-labelledby="import-open-title">
        <h2 id="import-open-title">Xem lại một lần nhập</h2>
        <form className="filters" onSubmit={(event) => void open(event)}>
          <label>
            Mã lần nhập
            <input name="import-id" inputMode="numeric" pattern="[0-9]+" required value={jobId} onChange={(e) => setJobId(e.target.value)} />
          </label>
          <div className="buttons">
            <button type="submit" className="secondary">
              Xem
            </button>
          </div>
        </form>
      </section>
      {job && <ImportResult job={job} rejections={rejections} />}
    </div>
  );
}

function UploadProgress({ sent }: { sent: number }) {
  const percent = Math.round(sent * 100);
  return (
    <div data-upload-progress={percent}>
      <progress max={100} value={percent} aria-label="Tiến độ tải lên" />
      <p className="muted small" role="status">
        {sent < 1 ? `Đang tải lên: ${percent}%` : 'Đã tải lên xong, máy chủ đang kiểm tra và nhập từng dòng…'}
      </p>
    </div>
  );
}

function ImportResult({ job, rejections }: { job: ImportJob; rejections: Rejection[] | null }) {
  const act = useAction();
  return (
    <section className="card wide" aria-labelledby="import-result-title" data-import={job.id}>
      <h2 id="import-result-title">Kết quả lần nhập #{job.id}</h2>
      <p id="import-summary">
        {job.state === 'completed' ? `Hoàn tất lúc ${formatTime(job.finishedAt)}` : 'Đang nhập'}: đọc {formatNumber(job.read)} dòng, thêm mới{' '}
        {formatNumber(job.inserted)}, cập nhật {formatNumber(job.updated)}, không đổi {formatNumber(job.unchanged)},{' '}
        <strong>từ chối {formatNumber(job.rejected)}</strong>
        {job.mapped > 0 && `, ${formatNumber(job.mapped)} dòng ghi tên tỉnh cũ đã được quy về tỉnh mới`}.
      </p>
      {job.rejected > 0 && (
        <>
          <h3>Các dòng bị từ chối</h3>
          <DataTable
            id="rejections"
            rows={rejections ?? []}
            rowKey={(row) => row.line}
            rowAttributes={(row) => ({ 'data-line': String(row.line) })}
            empty="Đang tải…"
            columns={[
              { header: 'Dòng', cell: (row) => row.line },
              {
                header: 'Lý do',
                className: 'wrap',
                cell: (row) => (
                  <>
                    {rejectionInVietnamese(row.reason)}
                    <div className="muted small" lang="en">
                      {row.reason}
                    </div>
                  </>
                ),
              },
              { header: 'Nội dung dòng', className: 'wrap', cell: (row) => <code>{row.raw}</code> },
            ]}
          />
          <button
            type="button"
            className="secondary"
            data-action="download-rejections"
            onClick={() => void act(() => saveFile(`/subscribers/imports/${job.id}/rejections.csv`, `nhap-${job.id}-dong-bi-tu-choi.csv`))}
          >
            Tải các dòng bị từ chối (CSV)
          </button>
        </>
      )}
    </section>
  );
}

/** The refused rows of an import (the first 500 on screen; the CSV holds them all). */
async function readRejections(id: number): Promise<Rejection[]> {
  const text = await (await download(`/subscribers/imports/${id}/rejections.csv`)).text();
  const [, ...rows] = parseCsv(text);
  return rows.slice(0, 500).map(([line, reason, raw]) => ({ line: Number(line), reason: reason ?? '', raw: raw ?? '' }));
}
