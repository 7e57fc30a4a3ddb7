// Warning texts from the provincial police letters, and their ascii-fold results written out by hand.
export const DAK_LAK =
  'Công an tỉnh Đắk Lắk cảnh báo: Không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng là công an, viện kiểm sát, tòa án. Mọi thắc mắc liên hệ 069.4389.211 hoặc 0262.3818.568.';
export const DAK_LAK_FOLDED =
  'Cong an tinh Dak Lak canh bao: Khong cung cap ma OTP, khong chuyen tien cho nguoi la tu xung la cong an, vien kiem sat, toa an. Moi thac mac lien he 069.4389.211 hoac 0262.3818.568.';
export const CAN_THO =
  'CA TP Cần Thơ khuyến cáo: cảnh giác với cuộc gọi giả danh cơ quan chức năng yêu cầu cài ứng dụng, cung cấp thông tin cá nhân. Liên hệ 069.367.2888 hoặc 113.';
export const CAN_THO_FOLDED =
  'CA TP Can Tho khuyen cao: canh giac voi cuoc goi gia danh co quan chuc nang yeu cau cai ung dung, cung cap thong tin ca nhan. Lien he 069.367.2888 hoac 113.';
// As pasted from Word: curly quotes, an en dash, an ellipsis and a non-breaking space.
export const DAK_LAK_WORD = 'Công an tỉnh Đắk Lắk cảnh báo: “Không cung cấp mã OTP” – không chuyển tiền cho người lạ… Mọi thắc mắc liên hệ\u00a0069.4389.211.';
export const DAK_LAK_WORD_FOLDED =
  'Cong an tinh Dak Lak canh bao: "Khong cung cap ma OTP" - khong chuyen tien cho nguoi la... Moi thac mac lien he 069.4389.211.';
