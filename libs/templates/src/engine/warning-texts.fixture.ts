/**
 * Warning texts as police units send them, for the lint's false-positive test: the campaign letters of
 * Đắk Lắk and Cần Thơ (libs/sms), the README's and the demo's templates, and texts in the same style from
 * the public warnings of the Ministry of Public Security and provincial police (OTP, impersonation, fake
 * apps, investment and job scams, VNeID, electricity and tax calls), with everything that looks like a
 * number or a link in such texts: dates, times, sums, decrees, articles, counts, official domains, 113.
 * `province` is the only province whose hotlines the text may print; none means any province.
 */
export interface WarningText {
  text: string;
  province?: '66' | '92';
}

// The letters of libs/sms/src/campaign-letters.fixture.ts (a library reads another only through its index), as sent and folded.
const LETTERS: WarningText[] = [
  {
    text: 'Công an tỉnh Đắk Lắk cảnh báo: Không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng là công an, viện kiểm sát, tòa án. Mọi thắc mắc liên hệ 069.4389.211 hoặc 0262.3818.568.',
    province: '66',
  },
  {
    text: 'Cong an tinh Dak Lak canh bao: Khong cung cap ma OTP, khong chuyen tien cho nguoi la tu xung la cong an, vien kiem sat, toa an. Moi thac mac lien he 069.4389.211 hoac 0262.3818.568.',
    province: '66',
  },
  { text: 'Công an tỉnh Đắk Lắk cảnh báo: “Không cung cấp mã OTP” – không chuyển tiền cho người lạ… Mọi thắc mắc liên hệ\u00a0069.4389.211.', province: '66' },
  { text: 'Cong an tinh Dak Lak canh bao: "Khong cung cap ma OTP" - khong chuyen tien cho nguoi la... Moi thac mac lien he 069.4389.211.', province: '66' },
  {
    text: 'CA TP Cần Thơ khuyến cáo: cảnh giác với cuộc gọi giả danh cơ quan chức năng yêu cầu cài ứng dụng, cung cấp thông tin cá nhân. Liên hệ 069.367.2888 hoặc 113.',
    province: '92',
  },
  {
    text: 'CA TP Can Tho khuyen cao: canh giac voi cuoc goi gia danh co quan chuc nang yeu cau cai ung dung, cung cap thong tin ca nhan. Lien he 069.367.2888 hoac 113.',
    province: '92',
  },
];

const TEMPLATES: WarningText[] = [
  // README walkthrough and libs/demo.
  { text: 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.' },
  { text: 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho người lạ. Liên hệ {{province.hotlines}} hoặc 113.' },
  { text: 'CA {{province.unit}} cảnh báo: không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng công an. Liên hệ {{province.hotline}} hoặc 113.' },
  { text: 'Công an {{province.unit}} thông báo: cơ quan công an không gọi điện yêu cầu chuyển tiền. Liên hệ {{province.hotline}}.' },
  { text: 'CA {{province.unit}}: khong cung cap ma OTP. Goi {{province.hotline}}.' },
  {
    text: '{{campaign.name}}: Công an {{province.unit}} đề nghị người dân cảnh giác từ {{campaign.startDate}} đến {{campaign.endDate}}. Gọi {{province.hotline}}.',
  },
  { text: 'Công an {{province.unit}}: xem cảnh báo mới tại {{province.website}} hoặc gọi {{province.hotlines}}.' },
  { text: 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.' },
];

const WARNINGS: string[] = [
  'Bộ Công an cảnh báo: Cơ quan Công an không làm việc qua điện thoại, không yêu cầu chuyển tiền, không yêu cầu cung cấp mã OTP. Khi nghi ngờ, gọi 113.',
  'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05) cảnh báo thủ đoạn giả danh nhân viên điện lực gọi điện thông báo cắt điện, yêu cầu kết bạn Zalo và cài ứng dụng lạ.',
  'Công an tỉnh cảnh báo: Từ 01/7/2025, người dân chỉ đăng ký tài khoản định danh điện tử trên ứng dụng VNeID chính thức. Không cài ứng dụng theo đường link lạ.',
  'CẢNH BÁO: Đối tượng giả danh cán bộ thuế gọi điện hướng dẫn cập nhật thông tin, gửi đường link cài ứng dụng giả mạo để chiếm quyền điều khiển điện thoại. Không bấm vào link lạ.',
  'Công an cảnh báo lừa đảo "việc nhẹ lương cao": làm nhiệm vụ trên mạng, được hứa hoa hồng 10-30% mỗi đơn. Nhiều người đã mất từ 50 triệu đến 1.200.000.000 đồng.',
  'Từ đầu năm 2025 đến nay, trên địa bàn tỉnh xảy ra hơn 120 vụ lừa đảo qua mạng, thiệt hại trên 15 tỷ đồng. Người dân tuyệt đối không chuyển tiền cho người lạ.',
  'Hành vi lừa đảo chiếm đoạt tài sản bị xử lý theo Điều 174 Bộ luật Hình sự, mức phạt cao nhất là tù chung thân. Tố giác tội phạm xin gọi 113.',
  'Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, không ai được thu thập thông tin CCCD 12 số của bạn khi chưa có sự đồng ý. Cảnh giác khi bị hỏi số CCCD.',
  'Cảnh báo: Mã OTP gồm 6 chữ số chỉ dùng cho giao dịch của chính bạn. Ngân hàng, công an, tòa án không bao giờ hỏi mã OTP qua điện thoại hay tin nhắn.',
  'Công an cảnh báo thủ đoạn lừa đảo mua vé máy bay giá rẻ dịp Tết Bính Ngọ 2026: đối tượng lập trang giả mạo hãng bay, yêu cầu chuyển khoản đặt cọc 30% giá vé.',
  'Phạt tiền từ 10.000.000 đến 20.000.000 đồng đối với hành vi đăng tải thông tin sai sự thật trên mạng xã hội (Nghị định 15/2020/NĐ-CP, sửa đổi bởi Nghị định 14/2022/NĐ-CP).',
  'Cảnh giác cuộc gọi video giả mạo người thân (deepfake) hỏi vay tiền gấp. Hãy gọi lại số điện thoại quen thuộc của người thân trước khi chuyển tiền.',
  'Người dân tra cứu các trang web, số tài khoản, số điện thoại lừa đảo tại canhbao.khonggianmang.vn trước khi giao dịch.',
  'Nộp hồ sơ, lệ phí chỉ trên Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn hoặc ứng dụng VNeID; không nộp qua đường link do người lạ gửi.',
  'Thông tin chính thức về các thủ đoạn lừa đảo được đăng tại https://bocongan.gov.vn và trang Cảnh báo thủ đoạn tội phạm trên ứng dụng VNeID.',
  'CA tỉnh khuyến cáo: không cho người lạ mượn, thuê tài khoản ngân hàng, CCCD, SIM điện thoại. Người cho thuê có thể bị xử lý hình sự theo Điều 291 Bộ luật Hình sự.',
  'Cảnh báo đầu tư tiền ảo, chứng khoán quốc tế, vàng trên sàn không phép: lợi nhuận hứa hẹn 5%/ngày là dấu hiệu lừa đảo. Nhiều người đã mất trắng hàng trăm triệu đồng.',
  'Ngày 15/12/2025, Công an tỉnh triệt phá đường dây lừa đảo qua mạng với 25 đối tượng, chiếm đoạt trên 100 tỷ đồng của hơn 3.000 bị hại.',
  'Đêm 24/12, đối tượng giả danh bưu điện nhắn tin báo có bưu phẩm bị giữ, đòi nộp phí 35.000 đồng qua đường link. Bưu điện không thu phí qua tin nhắn.',
  'Từ 07h00 đến 21h00 hằng ngày, cán bộ trực ban tiếp nhận tin báo tại trụ sở Công an xã, phường. Ngoài giờ, xin gọi 113.',
  'Khi phát hiện cháy nổ gọi 114, cần cấp cứu gọi 115, cần Công an giúp đỡ gọi 113. Các số này miễn phí từ mọi thuê bao.',
  'Gọi 113, 114 hoặc 115 khi khẩn cấp. Không gọi lại các số lạ có đầu số nước ngoài.',
  'Cảnh giác với tin nhắn trúng thưởng xe máy, điện thoại iPhone 17 kèm yêu cầu nộp phí nhận giải. Không có chương trình khuyến mại nào đòi nộp phí trước.',
  'Học sinh, sinh viên cảnh giác thủ đoạn "bắt cóc online": đối tượng giả danh công an báo liên quan vụ án, ép cắt liên lạc với gia đình và chuyển tiền.',
  'Phụ huynh cảnh giác cuộc gọi báo con bị tai nạn, cần chuyển gấp 50.000.000 đồng để mổ cấp cứu. Hãy liên hệ nhà trường, bệnh viện để kiểm tra.',
  'Cảnh báo lừa đảo hoàn tiền vé máy bay, hủy vé tàu: chỉ liên hệ qua tổng đài in trên website chính thức của hãng, không theo số do người lạ cung cấp.',
  'Thủ đoạn mới: gửi thư mời, giấy triệu tập giả mạo qua Zalo kèm mã QR. Giấy triệu tập của Công an được gửi trực tiếp, không qua mạng xã hội.',
  'Năm 2024, cả nước ghi nhận hơn 6.000 vụ lừa đảo qua không gian mạng; 2/3 số vụ bắt đầu bằng một cuộc gọi hoặc tin nhắn từ người lạ.',
  'Trước 31/12/2025, chủ thuê bao cần chuẩn hóa thông tin thuê bao tại cửa hàng nhà mạng. Nhà mạng không yêu cầu cung cấp OTP qua điện thoại.',
  'Người dân tuyệt đối không truy cập đường link lạ đuôi .apk, không cấp quyền trợ năng cho ứng dụng không rõ nguồn gốc.',
  'Người cao tuổi cảnh giác cuộc gọi tự xưng cán bộ bảo hiểm xã hội hướng dẫn nhận tiền hỗ trợ 2.500.000 đồng. Xin hỏi con cháu hoặc Công an xã trước khi làm theo.',
  'Công an khuyến cáo: tài khoản VNeID mức độ 2 chỉ kích hoạt tại cơ quan Công an. Không ai được hướng dẫn kích hoạt qua điện thoại.',
  'Chủ cửa hàng cảnh giác với khách đặt hàng số lượng lớn rồi gửi ảnh chuyển khoản giả. Chỉ giao hàng khi tiền đã vào tài khoản.',
  'Không đặt cọc thuê nhà, mua hàng qua mạng khi chưa xác minh người bán. Tháng 11/2025 có 37 người bị lừa đặt cọc thuê homestay dịp lễ 2/9.',
  'Lừa đảo tuyển cộng tác viên bán hàng online, yêu cầu nạp tiền 200.000đ để "kích hoạt đơn hàng". Đây là thủ đoạn chiếm đoạt tài sản.',
  'Công an tỉnh thông báo: thời gian tiếp công dân 7h30-11h30 và 13h30-17h00 các ngày từ thứ Hai đến thứ Sáu tại Trụ sở số 9 đường Hùng Vương.',
  'Cảnh báo: tin nhắn mạo danh ngân hàng thông báo tài khoản bị khóa, yêu cầu bấm đường link để mở khóa. Ngân hàng không gửi đường link qua tin nhắn.',
  'Dịp Tết Nguyên đán, người dân cảnh giác các trang bán hàng giảm giá 50-70%, không chuyển khoản trước cho người bán chưa rõ danh tính.',
  'Cảnh báo lừa đảo lấy lại tiền đã mất: đối tượng tự xưng luật sư, hacker mũ trắng hứa lấy lại tiền bị lừa, yêu cầu đóng phí 10%. Đây cũng là lừa đảo.',
  '(1) Không cung cấp OTP; (2) Không bấm link lạ; (3) Không chuyển tiền cho người lạ; (4) Gọi 113 khi nghi ngờ.',
  'Công an tỉnh Đắk Lắk cảnh báo: Không cung cấp mã OTP, không chuyển tiền cho người lạ. Mọi thắc mắc liên hệ 069.4389.211.',
  'CA TP Cần Thơ: Không cung cấp thông tin cá nhân cho người lạ qua điện thoại. Liên hệ 069.367.2888.',
  'CA tinh canh bao: khong cung cap ma OTP, khong chuyen tien cho nguoi la. Phat den 5.000.000.000 dong. Goi 113.',
];

/** At least 50 texts, none with a link off the allow-list, a number that is no hotline, or an invisible character. */
export const WARNING_TEXTS: WarningText[] = [
  ...LETTERS,
  ...TEMPLATES,
  ...WARNINGS.map((text) => ({
    text,
    province: text.includes('069.4389.211') ? ('66' as const) : text.includes('069.367.2888') ? ('92' as const) : undefined,
  })),
];
