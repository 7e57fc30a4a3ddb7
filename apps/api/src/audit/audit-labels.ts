import { CAMPAIGN_STATES } from '@loa/delivery';

/** What a campaign's move to a state is called in the log (`campaign.<state>`, written by the campaign service). */
const CAMPAIGN_MOVES: Readonly<Record<(typeof CAMPAIGN_STATES)[number], string>> = {
  draft: 'Trả lại chiến dịch (từ chối)',
  pending_approval: 'Gửi duyệt chiến dịch',
  scheduled: 'Duyệt (lên lịch) chiến dịch',
  running: 'Tiếp tục chiến dịch',
  paused: 'Tạm dừng chiến dịch',
  completed: 'Chiến dịch hoàn thành',
  cancelled: 'Hủy chiến dịch',
};

/** Every action the audit log records, in the words of the officials who read the CSV. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'campaign.create': 'Tạo chiến dịch',
  ...Object.fromEntries(CAMPAIGN_STATES.map((state) => [`campaign.${state}`, CAMPAIGN_MOVES[state]])),
  'campaign.override': 'Vượt giới hạn gửi (có lý do)',
  'campaign.send-limits': 'Đổi giới hạn gửi',
  'campaign.test-send': 'Gửi thử',
  'campaign.test-send-refused': 'Gửi thử bị từ chối',
  'campaign.carrier-report': 'Ghi số liệu nhà mạng báo cáo',
  'template.create': 'Tạo mẫu tin',
  'template.pending': 'Gửi duyệt mẫu tin',
  'template.approved': 'Duyệt mẫu tin',
  'template.rejected': 'Từ chối mẫu tin',
  'template.registration': 'Ghi kết quả đăng ký mẫu tin với nhà mạng',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng (vai trò, phạm vi, mật khẩu, khóa)',
  'province.update': 'Sửa đường dây nóng, kênh liên hệ',
  'test-number.register': 'Thêm số thử nghiệm',
  'subscribers.import': 'Nhập danh sách thuê bao',
  'subscribers.export_rejections': 'Tải các dòng nhập bị từ chối',
  'subscriber.lookup': 'Tra cứu số điện thoại',
  'exclusions.add': 'Thêm số loại trừ',
  'exclusions.remove': 'Bỏ số loại trừ',
  'programme.create': 'Tạo chương trình',
  'auth.login_failed': 'Đăng nhập sai',
  'retention.purge_messages': 'Xóa dữ liệu tin nhắn hết hạn lưu',
};

/** The kinds of objects the log names. */
export const AUDIT_OBJECT_LABELS: Readonly<Record<string, string>> = {
  campaign: 'Chiến dịch',
  template: 'Mẫu tin',
  user: 'Người dùng',
  province: 'Tỉnh, thành phố',
  subscriber: 'Thuê bao',
  subscriber_import: 'Lần nhập thuê bao',
  subscriber_exclusion: 'Số loại trừ',
  subscriber_exclusions: 'Các số loại trừ',
  test_number: 'Số thử nghiệm',
  programme: 'Chương trình',
};

/** An action's label; one the table lacks (a newer code) says so rather than pass for a known one. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? `Thao tác khác (mã ${action})`;
}

export function auditObjectLabel(objectType: string): string {
  return AUDIT_OBJECT_LABELS[objectType] ?? objectType;
}
