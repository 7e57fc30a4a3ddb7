import { campaignHtml, inSentence } from './report-html';
import { campaignReportFixture } from './report-fixtures';

describe(inSentence.name, () => {
  it('writes a unit typed in capitals as Decree 30 does mid-sentence, its places capitalised', () => {
    expect(inSentence('CÔNG AN TỈNH SƠN LA', ['Sơn La'])).toBe('Công an tỉnh Sơn La');
    expect(inSentence('CÔNG AN THÀNH PHỐ HÀ NỘI', ['Hà Nội', 'Sơn La'])).toBe('Công an thành phố Hà Nội');
  });

  it('keeps a unit entered in lower case as it was written', () => {
    expect(inSentence('Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao', [])).toBe(
      'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    );
  });
});

describe(campaignHtml.name, () => {
  it('keeps province names on one line and states the offset of its times', () => {
    const html = campaignHtml(campaignReportFixture(), { provinceName: null });
    expect(html).toContain('<td class="name">Thành phố Hà Nội</td>');
    expect(html).toContain('1. Thời gian thực hiện (giờ Việt Nam, UTC+07:00)');
    expect(html).toContain('Số liệu tính đến 10:00 10/02/2026');
    expect(html).toContain('……, ngày 10 tháng 02 năm 2026');
    expect(html).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });
});
