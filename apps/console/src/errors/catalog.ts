// Every error the API can answer, in Vietnamese. Keyed by the API's stable codes: the coarse `error`
// (INVALID, FORBIDDEN…), refined by what `details` says where the API gives it (a missed report
// deadline, a province outside the scope, lint findings, template syntax codes). The English
// `message` is shown only as a secondary detail. apps/console/tools/error-catalog.spec.ts fails when
// the API can answer a code that has no entry here.
import { type ApiErrorBody } from '../api/models';
import { formatDay, formatNumber, formatTime } from '../format';

type Render = (error: ApiErrorBody) => string;

interface Details {
  provinces?: string[];
  carrier?: string;
  carriers?: string[];
  province?: string;
  validTo?: string;
  maxLength?: number;
  variable?: string;
  unsentAtDeadline?: number;
  messages?: number;
  estimatedFinishAt?: string | null;
  findings?: { code: string; severity: string }[];
  code?: string;
  line?: number;
  column?: number;
  field?: string;
  rule?: string;
  fields?: { field: string; message: string }[];
}

const detailsOf = (error: ApiErrorBody): Details => (error.details && typeof error.details === 'object' ? (error.details as Details) : {});

/** The coarse codes of the API's error answers (and two of the console's own: the network, an unknown HTTP status). */
export const ERROR_MESSAGES: Record<string, Render> = {
  INVALID: () => 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại các trường đã nhập.',
  UNAUTHENTICATED: () => 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng đăng nhập lại.',
  FORBIDDEN: () => 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: () => 'Không tìm thấy đối tượng yêu cầu (có thể đã bị xóa hoặc nằm ngoài phạm vi của bạn).',
  CONFLICT: () => 'Thao tác không thực hiện được ở trạng thái hiện tại của đối tượng; hãy tải lại để xem trạng thái mới nhất.',
  UNAVAILABLE: () => 'Cơ sở dữ liệu tạm thời không phản hồi, vui lòng thử lại sau vài giây.',
  INTERNAL: () => 'Hệ thống gặp lỗi nội bộ, thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.',
  TOO_MANY_REQUESTS: () => 'Quá nhiều yêu cầu trong thời gian ngắn, vui lòng chờ một phút rồi thử lại.',
  PAYLOAD_TOO_LARGE: () => 'Tệp hoặc dữ liệu gửi lên quá lớn.',
  BAD_REQUEST: () => 'Yêu cầu không hợp lệ.',
  UNAUTHORIZED: () => 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng đăng nhập lại.',
  REQUEST_TIMEOUT: () => 'Tải lên quá chậm nên máy chủ đã dừng nhận; vui lòng thử lại trên mạng ổn định hơn.',
  SERVICE_UNAVAILABLE: () => 'Dịch vụ tạm thời không sẵn sàng, vui lòng thử lại sau ít phút.',
  NETWORK: () => 'Không kết nối được tới máy chủ Loa, vui lòng kiểm tra mạng và thử lại.',
  HTTP: (error) => `Máy chủ trả lời lỗi ${error.statusCode}.`,
};

/** Refinements by what `details` carries; the key is `<coarse>.<refinement>`. */
export const DETAIL_MESSAGES: Record<string, Render> = {
  'CONFLICT.DEADLINE_MISS': (error) => {
    const details = detailsOf(error);
    const finish = details.estimatedFinishAt ? `dự kiến gửi xong lúc ${formatTime(details.estimatedFinishAt)}` : 'không gửi xong trong 60 ngày';
    return (
      `Chiến dịch không kịp hạn báo cáo: ${formatNumber(details.unsentAtDeadline ?? 0)} / ${formatNumber(details.messages ?? 0)} thuê bao ` +
      `chưa nhận được tin khi đến hạn (${finish}). Muốn vẫn duyệt, hãy chọn "Chấp nhận trễ hạn" và ghi rõ lý do.`
    );
  },
  'FORBIDDEN.PROVINCES': (error) => `Có tỉnh nằm ngoài phạm vi được giao của bạn: ${(detailsOf(error).provinces ?? []).join(', ')}.`,
  'INVALID.LINT': (error) => {
    const findings = detailsOf(error).findings ?? [];
    const errors = findings.filter((finding) => finding.severity === 'error');
    return `Mẫu tin còn ${formatNumber(errors.length)} lỗi phải sửa trước khi gửi duyệt: ${errors.map((finding) => lintMessage(finding.code)).join('; ')}.`;
  },
  'INVALID.PROVINCES': (error) => `Không nhận ra tỉnh, thành phố: ${(detailsOf(error).provinces ?? []).join(', ')}.`,
  'INVALID.LINE': (error) => `Tệp không đúng định dạng ở dòng ${detailsOf(error).line ?? 1}.`,
  // A password a person chose (users, admins' resets): the rule it broke, as the API checks it.
  'INVALID.PASSWORD_TOO_SHORT': () => 'Mật khẩu quá ngắn: cần ít nhất 10 ký tự.',
  'INVALID.PASSWORD_CONTAINS_USERNAME': () => 'Mật khẩu không được chứa tên đăng nhập.',
  'INVALID.PASSWORD_TOO_GUESSABLE': () => 'Mật khẩu quá dễ đoán (từ thông dụng, dãy số, tên trang…). Hãy dùng một cụm vài từ không liên quan, dài hơn.',
  'CONFLICT.USERNAME_TAKEN': () => 'Tên đăng nhập này đã có người dùng; hãy chọn tên khác.',
  'INVALID.FIELDS': (error) => {
    const fields = (detailsOf(error).fields ?? []).map((problem) => FIELD_NAMES[problem.field.replace(/(\[\d+\]|\.\d+)$/, '')] ?? problem.field);
    return `Dữ liệu chưa hợp lệ ở: ${[...new Set(fields)].join(', ')}. Vui lòng kiểm tra lại (chi tiết kỹ thuật bên dưới).`;
  },
};

/** The fields of the console's forms, as a refused request names them (details.fields). */
export const FIELD_NAMES: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  role: 'Vai trò',
  provinces: 'Tỉnh, thành phố',
  policeHotlines: 'Đường dây nóng',
  website: 'Trang web',
  zalo: 'Zalo OA',
  fanpage: 'Fanpage',
  vneid: 'Chỉ dẫn VNeID',
  msisdn: 'Số điện thoại',
  msisdns: 'Số điện thoại',
  reason: 'Lý do',
  userId: 'Người dùng',
  carrier: 'Nhà mạng',
  targeted: 'Mục tiêu',
  sent: 'Đã gửi',
  delivered: 'Đã nhận',
  reportedOn: 'Ngày văn bản',
  reference: 'Số văn bản',
  startAt: 'Bắt đầu gửi',
  reportDeadline: 'Hạn báo cáo',
  windowStart: 'Khung giờ gửi (từ)',
  windowEnd: 'Khung giờ gửi (đến)',
};

/** The stable reason codes an answer's details carry (`details.code` or `details.rule`), with their parameters. */
export const DETAIL_CODES: Record<string, (details: Details) => string> = {
  TEMPLATE_NOT_REGISTERED: (d) =>
    `Mẫu tin chưa được đăng ký với nhà mạng ${(d.carriers ?? [d.carrier]).map(carrierName).join(', ')}; không thể gửi qua nhà mạng này. ` +
    'Hãy đăng ký mẫu tin, hoặc chọn loại nhà mạng này khi duyệt.',
  SLOT_OVERFLOW: (d) =>
    `Nội dung của biến ${d.variable ?? ''} dài hơn độ dài đã đăng ký với nhà mạng ${carrierName(d.carrier)}${d.maxLength ? ` (tối đa ${d.maxLength} ký tự)` : ''}.`,
  TEXT_NOT_MATCHING: (d) => `Nội dung tin không khớp mẫu đã đăng ký với nhà mạng ${carrierName(d.carrier)}${d.province ? ` (tỉnh ${d.province})` : ''}.`,
  CERTIFICATE_LAPSED: (d) =>
    `Chứng nhận tên định danh (brandname) của nhà mạng ${carrierName(d.carrier)} hết hạn sau ngày ${d.validTo ? formatDay(d.validTo) : '?'}, trước khi chiến dịch gửi xong.`,
  CERTIFICATE_NOT_YET_VALID: (d) => `Chứng nhận tên định danh (brandname) của nhà mạng ${carrierName(d.carrier)} chưa có hiệu lực khi chiến dịch bắt đầu.`,
  START_IN_PAST: () => 'Thời điểm bắt đầu gửi đã qua; hãy chọn thời điểm từ bây giờ trở đi.',
  REASON_TOO_SHORT: () => 'Lý do quá ngắn; hãy ghi rõ vì sao.',
  REASON_REPEATED: () => 'Lý do chỉ lặp lại một ký tự hoặc một từ; hãy ghi rõ vì sao.',
  REASON_NO_WORDS: () => 'Lý do phải là câu chữ có nghĩa.',
};

function carrierName(carrier: string | undefined): string {
  return ({ viettel: 'Viettel', vnpt: 'VNPT (VinaPhone)', mobifone: 'MobiFone', others: 'khác' } as Record<string, string>)[carrier ?? ''] ?? carrier ?? '';
}

/** Template syntax errors (details.code of an INVALID on a template body). */
export const TEMPLATE_ERRORS: Record<string, string> = {
  EMPTY: 'Nội dung mẫu tin đang trống.',
  SYNTAX: 'Cú pháp mẫu tin chưa đúng (kiểm tra các cặp {{ }}).',
  UNKNOWN_HELPER: 'Mẫu tin dùng một hàm không được hỗ trợ.',
  UNKNOWN_VARIABLE: 'Mẫu tin dùng một biến không tồn tại (ví dụ {{province.name}} mới đúng).',
  TOO_LONG: 'Mẫu tin quá dài.',
};

/** Lint findings of the preview and of a refused submit (their `code`). */
export const LINT_MESSAGES: Record<string, string> = {
  CONTACT_MISSING: 'Thiếu số đường dây nóng hoặc kênh liên hệ chính thức của Công an tỉnh',
  INVISIBLE_CHARACTER: 'Có ký tự ẩn (khoảng trắng đặc biệt, ký tự điều khiển) trong nội dung',
  LINK_NOT_ALLOWED: 'Có đường link không thuộc tên miền chính thức được phép',
  PHONE_NOT_HOTLINE: 'Có số điện thoại không phải đường dây nóng chính thức của tỉnh',
  PHONE_HARDCODED: 'Số điện thoại được gõ cứng; nên dùng biến đường dây nóng của tỉnh',
  SINGLE_BRACES: 'Có biến viết trong một cặp ngoặc {…} nên sẽ in nguyên văn; phải viết hai cặp, ví dụ {{province.name}}',
  PROVINCE_NAME_MID_SENTENCE:
    'Giữa câu, tên tỉnh viết thường theo Nghị định 30/2020: dùng {{province.unit}} ("tỉnh Sơn La") hoặc {{province.shortName}} ("Sơn La") thay cho {{province.name}}',
  UCS2_VARIABLE: 'Một biến chèn chữ có dấu làm tin phải gửi dạng Unicode (tốn nhiều phần hơn)',
  UCS2_CHARACTER: 'Có ký tự ngoài bảng GSM làm tin phải gửi dạng Unicode (tốn nhiều phần hơn)',
  TOO_MANY_SEGMENTS: 'Tin vượt quá số phần tối đa cho phép',
  SYNTAX: 'Cú pháp mẫu tin chưa đúng',
  UNKNOWN_HELPER: 'Hàm không được hỗ trợ',
  UNKNOWN_VARIABLE: 'Biến không tồn tại',
};

export function lintMessage(code: string): string {
  return LINT_MESSAGES[code] ?? TEMPLATE_ERRORS[code] ?? `Cảnh báo ${code}`;
}

/** The catalog key of an error answer: its refinement when `details` says more, else its coarse code. */
export function errorKey(error: ApiErrorBody): string {
  const details = detailsOf(error);
  if (error.error === 'CONFLICT' && typeof details.unsentAtDeadline === 'number') return 'CONFLICT.DEADLINE_MISS';
  const reason = details.code ?? details.rule;
  if (typeof reason === 'string' && DETAIL_CODES[reason]) return `DETAIL.${reason}`;
  if (error.error === 'FORBIDDEN' && Array.isArray(details.provinces)) return 'FORBIDDEN.PROVINCES';
  if (error.error === 'INVALID' && Array.isArray(details.findings)) return 'INVALID.LINT';
  if (error.error === 'INVALID' && typeof details.code === 'string' && TEMPLATE_ERRORS[details.code]) return `TEMPLATE.${details.code}`;
  if (error.error === 'INVALID' && Array.isArray(details.provinces)) return 'INVALID.PROVINCES';
  if (error.error === 'INVALID' && typeof details.line === 'number') return 'INVALID.LINE';
  if (error.error === 'INVALID' && typeof details.rule === 'string' && DETAIL_MESSAGES[`INVALID.${details.rule}`]) return `INVALID.${details.rule}`;
  if (error.error === 'CONFLICT' && details.field === 'username') return 'CONFLICT.USERNAME_TAKEN';
  if (error.error === 'INVALID' && Array.isArray(details.fields) && details.fields.length > 0) return 'INVALID.FIELDS';
  return error.error;
}

/** The Vietnamese sentence for an error answer. */
export function vietnameseError(error: ApiErrorBody): string {
  const key = errorKey(error);
  if (key.startsWith('TEMPLATE.')) {
    const details = detailsOf(error);
    const where = details.line ? ` (dòng ${details.line}, cột ${details.column ?? 1})` : '';
    return `${TEMPLATE_ERRORS[key.slice('TEMPLATE.'.length)]}${where}`;
  }
  if (key.startsWith('DETAIL.')) return DETAIL_CODES[key.slice('DETAIL.'.length)](detailsOf(error));
  const render = DETAIL_MESSAGES[key] ?? ERROR_MESSAGES[key] ?? ERROR_MESSAGES.HTTP;
  return render(error);
}
