import { answer, api } from '../api/client';
import { type CarrierCertificate, type CertificateState } from '../api/models';
import { carrierName, formatDay, formatNumber } from '../format';
import { usePolled } from '../hooks';
import { DataTable } from './data-table';

export const CERTIFICATE_STATES: Record<CertificateState, string> = {
  valid: 'Còn hiệu lực',
  expiring: 'Sắp hết hiệu lực',
  lapsed: 'Đã hết hiệu lực',
  not_yet_valid: 'Chưa có hiệu lực',
  unknown: 'Chưa có chứng nhận',
};

/** Each carrier account's brandname certificate; the day changes at most once a day, so no poll. */
export function useCertificates(): CarrierCertificate[] | null {
  return usePolled(() => answer<CarrierCertificate[]>(api.GET('/carriers/certificates')), [], { poll: false }).data;
}

/** "còn 10 ngày", "ngày cuối cùng", "quá 3 ngày". */
function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return '—';
  if (daysLeft > 0) return `còn ${formatNumber(daysLeft)} ngày`;
  return daysLeft === 0 ? 'hôm nay là ngày cuối cùng' : `đã quá ${formatNumber(-daysLeft)} ngày`;
}

/** One sentence per brandname that lapses within 30 days, has lapsed, or is not valid yet: campaigns on that carrier are refused. */
function warningText(entry: CarrierCertificate): string {
  const certificate = entry.certificate!;
  const what = `Chứng nhận tên định danh ${entry.brandname} của ${carrierName(entry.carrier)} (số ${certificate.number})`;
  if (entry.state === 'not_yet_valid') return `${what} chỉ có hiệu lực từ ngày ${formatDay(certificate.validFrom)}: chưa gửi được tin qua nhà mạng này.`;
  if (entry.state === 'lapsed') {
    return `${what} đã hết hiệu lực sau ngày ${formatDay(certificate.validTo)} (${daysLeftText(entry.daysLeft)}): chiến dịch gửi qua nhà mạng này sẽ bị từ chối.`;
  }
  return `${what} hết hiệu lực sau ngày ${formatDay(certificate.validTo)} (${daysLeftText(entry.daysLeft)}): cần gia hạn trước ngày đó.`;
}

const WARNED: CertificateState[] = ['expiring', 'lapsed', 'not_yet_valid'];

/** The warning on today's view: nothing while every brandname is valid for more than 30 days. */
export function CertificateWarnings({ certificates, onDetails }: { certificates: CarrierCertificate[] | null; onDetails(): void }) {
  const warned = (certificates ?? []).filter((entry) => entry.certificate && WARNED.includes(entry.state));
  if (warned.length === 0) return null;
  return (
    <section className="card wide certificate-warnings" role="status" aria-labelledby="certificate-warnings-title">
      <h2 id="certificate-warnings-title">Chứng nhận tên định danh (brandname) cần chú ý</h2>
      <ul>
        {warned.map((entry) => (
          <li key={entry.carrier} data-certificate-warning={entry.carrier} data-state={entry.state} className={entry.state === 'expiring' ? 'warn' : 'error'}>
            {warningText(entry)}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" data-action="certificate-details" onClick={onDetails}>
        Xem chứng nhận của các nhà mạng
      </button>
    </section>
  );
}

/** Every carrier account's brandname, certificate number, validity and days left. */
export function CertificatesTable({ certificates }: { certificates: CarrierCertificate[] | null }) {
  if (!certificates) return <p className="muted">Đang tải…</p>;
  return (
    <DataTable
      id="certificates"
      rows={certificates}
      rowKey={(entry) => entry.carrier}
      rowAttributes={(entry) => ({ 'data-carrier': entry.carrier, 'data-state': entry.state })}
      empty="Chưa có tài khoản nhà mạng nào."
      columns={[
        { header: 'Nhà mạng', cell: (entry) => carrierName(entry.carrier) },
        { header: 'Tên định danh', cell: (entry) => <strong>{entry.brandname}</strong> },
        { header: 'Số chứng nhận', cell: (entry) => entry.certificate?.number ?? '—' },
        {
          header: 'Hiệu lực',
          cell: (entry) => (entry.certificate ? `${formatDay(entry.certificate.validFrom)} – ${formatDay(entry.certificate.validTo)}` : '—'),
        },
        { header: 'Còn lại', cell: (entry) => daysLeftText(entry.daysLeft) },
        {
          header: 'Tình trạng',
          cell: (entry) => <span className={`state state-certificate-${entry.state}`}>{CERTIFICATE_STATES[entry.state]}</span>,
        },
      ]}
    />
  );
}
