import { csvDocument, type CsvSeparator, formatVietnamInstant } from '@loa/common';
import { TEMPLATE_VARIABLES } from '../engine';
import { type Template } from '../template';
import { type CarrierRegistration, type RegistrationPattern, REGISTRATION_STATE_LABELS } from './carrier-registration';

const CARRIER_NAMES: Readonly<Record<string, string>> = { viettel: 'Viettel', vnpt: 'VNPT (VinaPhone)', mobifone: 'MobiFone', others: 'Mạng khác' };

// What carriers' registration forms for brandname customer-care templates ask: the text with numbered
// parameters, and each parameter's meaning and maximum length.
const HEADINGS = [
  'Nhà mạng',
  'Mã mẫu tin',
  'Phiên bản',
  'Tên mẫu tin',
  'Loại tin',
  'Nội dung mẫu tin',
  'Tham số',
  'Trạng thái',
  'Mã đăng ký của nhà mạng',
  'Lý do từ chối',
  'Gửi đăng ký lúc',
  'Nhà mạng trả lời lúc',
];

/** One row per carrier the template was sent to, in the carriers' form. */
function exportRows(template: Template, registrations: readonly CarrierRegistration[]): (string | number)[][] {
  return registrations.map((registration) => [
    CARRIER_NAMES[registration.carrier] ?? registration.carrier,
    template.familyId,
    template.version,
    template.name,
    'Chăm sóc khách hàng',
    registration.pattern.text,
    slotsText(registration.pattern),
    REGISTRATION_STATE_LABELS[registration.state],
    registration.reference ?? '',
    registration.reason ?? '',
    formatVietnamInstant(registration.submittedAt),
    registration.answeredAt ? formatVietnamInstant(registration.answeredAt) : '',
  ]);
}

/** "{P1}: Tỉnh, thành phố viết thường giữa câu (tối đa 30 ký tự); {P2}: …" */
export function slotsText(pattern: RegistrationPattern): string {
  return pattern.slots.map((slot) => `{${slot.name}}: ${TEMPLATE_VARIABLES[slot.variable].vi} (tối đa ${slot.maxLength} ký tự)`).join('; ');
}

export function registrationsCsv(template: Template, registrations: readonly CarrierRegistration[], separator: CsvSeparator = ','): string {
  return csvDocument(HEADINGS, exportRows(template, registrations), separator);
}

export async function registrationsXlsx(template: Template, registrations: readonly CarrierRegistration[]): Promise<Buffer> {
  // Loaded here, not at the top: exceljs takes a third of a second to load, and few processes write a workbook.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  const sheet = book.addWorksheet('Mẫu tin đăng ký');
  sheet.addRow(HEADINGS).font = { bold: true };
  for (const row of exportRows(template, registrations)) sheet.addRow(row);
  sheet.columns.forEach((column, index) => (column.width = index === 5 ? 80 : index === 6 ? 60 : 18));
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
