import { type ReportCounts, type ReportRow } from '../api/models';
import { CARRIERS, formatNumber, formatPercent } from '../format';
import { DataTable } from './data-table';

/** A report's totals as labelled figures. */
export function TotalsList({ totals, id }: { totals: ReportCounts & { cancelled?: number }; id?: string }) {
  const figures: [string, string, string][] = [
    ['targeted', 'Thuê bao mục tiêu', formatNumber(totals.targeted)],
    ['submitted', 'Đã gửi', formatNumber(totals.submitted)],
    ['delivered', 'Đã nhận', formatNumber(totals.delivered)],
    ['failed', 'Không thành công', formatNumber(totals.failed)],
    ['pending', 'Đang chờ', formatNumber(totals.pending)],
    ['deliveryRate', 'Tỷ lệ nhận (trên số đã gửi)', formatPercent(totals.deliveryRate)],
    ['partsBilled', 'Số phần tin tính cước', formatNumber(totals.partsBilled)],
  ];
  if (totals.cancelled) figures.splice(5, 0, ['cancelled', 'Đã hủy, không gửi', formatNumber(totals.cancelled)]);
  return (
    <dl className="figures" id={id}>
      {figures.map(([key, label, value]) => (
        <div key={key} data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Figures per province and carrier. */
export function ReportRowsTable({ rows, id }: { rows: ReportRow[]; id: string }) {
  return (
    <DataTable
      id={id}
      rows={rows}
      rowKey={(row) => `${row.provinceCode}-${row.carrier}`}
      rowAttributes={(row) => ({ 'data-province': row.provinceCode, 'data-carrier': row.carrier })}
      empty="Chưa có số liệu."
      columns={[
        { header: 'Tỉnh, thành phố', cell: (row) => row.provinceName },
        { header: 'Nhà mạng', cell: (row) => CARRIERS[row.carrier] ?? row.carrier },
        { header: 'Mục tiêu', className: 'number', cell: (row) => formatNumber(row.targeted) },
        { header: 'Đã gửi', className: 'number', cell: (row) => formatNumber(row.submitted) },
        { header: 'Đã nhận', className: 'number', cell: (row) => formatNumber(row.delivered) },
        { header: 'Không thành công', className: 'number', cell: (row) => formatNumber(row.failed) },
        { header: 'Đang chờ', className: 'number', cell: (row) => formatNumber(row.pending) },
        { header: 'Tỷ lệ nhận', className: 'number', cell: (row) => formatPercent(row.deliveryRate) },
        { header: 'Phần tin', className: 'number', cell: (row) => formatNumber(row.partsBilled) },
      ]}
    />
  );
}
