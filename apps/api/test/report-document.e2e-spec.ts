import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CarrierAccount } from '@loa/config';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { launchChromium } from '@loa/testing';
import { approvedCampaign, simulatedAccount, simulatedCarrier, waitForCompletion } from '../../dispatcher/test/campaign-harness';
import { createTestApi, type TestApi } from './test-app';

const CARRIERS = ['viettel', 'vnpt', 'mobifone'] as const;
const OUTPUT = join(process.cwd(), 'test-output');
const PROGRAMME = {
  name: 'Tuyên truyền phòng, chống lừa đảo trên không gian mạng toàn quốc',
  planReference: '125/KH-BCA-A05',
  reportNumber: '88/BC-A05',
  place: 'Hà Nội',
  governingBody: 'BỘ CÔNG AN',
  issuingUnit: 'CỤC AN NINH MẠNG VÀ PHÒNG, CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO',
  legalBasis: 'Chỉ thị số 21/CT-TTg ngày 25/5/2020 của Thủ tướng Chính phủ',
  signerName: 'Thiếu tướng Nguyễn Văn Demo',
  signerTitle: 'KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG',
  recipients: ['Lãnh đạo Bộ (để b/c)', 'Công an các tỉnh, thành phố'],
  contactOfficer: 'Trung tá Trần Thị Demo',
  contactPhone: '069 000 000',
};

/** The text of each page of a PDF, as poppler's pdftotext lays it out (installed by .ci/run). */
function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
}

describe('the programme report as a document officials sign', () => {
  let api: TestApi;
  const simulators: SmscSimulator[] = [];
  let provinces: { code: string; name: string }[];
  let programmeId: number;
  let campaignId: number;

  beforeAll(async () => {
    for (const id of CARRIERS)
      simulators.push(
        await simulatedCarrier(id, { messageIdFormat: 'decimal', receiptIdFormat: 'decimal', receiptDelayMs: [10, 200], outcomes: { DELIVRD: 9, UNDELIV: 1 } }),
      );
    const carriers = CARRIERS.map((id, index) => simulatedAccount(id as CarrierAccount['id'], simulators[index].port));
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50 } })] });
    provinces = await api.dataSource.query('SELECT code, name FROM provinces ORDER BY code');
    expect(provinces).toHaveLength(34);
    // Two subscribers per province and carrier: every line of the per-province table has figures.
    await api.dataSource.query(
      `INSERT INTO subscribers (msisdn, carrier, province_code)
       SELECT 84000000000 + c.prefix * 10000000 + p.ord * 1000 + n, c.carrier, p.code
       FROM generate_series(1, 2) n
       CROSS JOIN (SELECT code, row_number() OVER (ORDER BY code) AS ord FROM provinces) p
       CROSS JOIN (VALUES ('viettel', 96), ('vnpt', 91), ('mobifone', 90)) c(carrier, prefix)`,
    );
    const drafter = await api.login('demo-drafter');
    const created = await api
      .http()
      .post('/programmes')
      .auth(drafter, { type: 'bearer' })
      .send({ ...PROGRAMME, provinces: provinces.map((province) => province.code) })
      .expect(201);
    programmeId = created.body.id;
    campaignId = await approvedCampaign(api, 'Công an {{province.unit}} cảnh báo: không chuyển tiền cho người lạ. Gọi {{province.hotline}}.', {
      name: 'Đợt gửi trước Tết',
      provinces: provinces.map((province) => province.code),
      programmeId,
    });
    await waitForCompletion(api, campaignId, 150_000);
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    for (const simulator of simulators) await simulator.stop();
  });

  it('prints the signer, the report number apart from the plan, the place and the texts sent; the summary alone on page 1', async () => {
    const viewer = await api.login('demo-viewer');
    const html = (await api.http().get(`/programmes/${programmeId}/report?format=html`).auth(viewer, { type: 'bearer' }).expect(200)).text;
    const sent: { body: string }[] = await api.dataSource.query('SELECT body FROM campaign_texts WHERE campaign_id = $1', [campaignId]);
    expect(sent).toHaveLength(34);
    mkdirSync(OUTPUT, { recursive: true });
    const pdfPath = join(OUTPUT, 'programme-report-34.pdf');
    const browser = await launchChromium();
    let text: string;
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html, { waitUntil: 'load' });
      text = await page.innerText('body');
      await page.screenshot({ path: join(OUTPUT, 'programme-report-34.png'), fullPage: true });
      writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true }));
    } finally {
      await browser.close();
    }

    // What the document says, as Chromium renders it.
    for (const expected of [
      'BỘ CÔNG AN',
      'CỤC AN NINH MẠNG VÀ PHÒNG, CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO',
      `Số: ${PROGRAMME.reportNumber}`,
      `Thực hiện ${PROGRAMME.legalBasis}; Kế hoạch số ${PROGRAMME.planReference}, Cục an ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao báo cáo`,
      'Hà Nội, ngày ',
      'Kính gửi: Lãnh đạo Bộ (để b/c)',
      '- Công an các tỉnh, thành phố;',
      'KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG',
      PROGRAMME.signerName,
      'Nội dung tin nhắn (mẫu tin Cảnh báo, phiên bản 1):',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(`Số: ${PROGRAMME.planReference}`);
    for (const { body } of sent) expect(text).toContain(body);
    expect(text).toContain('Công an thành phố Hà Nội cảnh báo');

    // Printed: the summary is page 1, whole; the details start on page 2.
    const pages = pdfPages(pdfPath);
    expect(pages.length).toBeGreaterThan(2);
    const first = pages[0];
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      '1. Thời gian thực hiện',
      '2. Kết quả chung',
      'thuê bao khác nhau đã nhận được tin',
      'Tổng cộng',
    ]) {
      expect(first).toContain(expected);
    }
    expect(first).not.toContain('3. Kết quả từng đợt gửi');
    expect(pages[1]).toContain('3. Kết quả từng đợt gửi');
    // Province names are never broken over two lines: each is whole beside its code on a line of the printed table.
    const lines = pages.slice(1).join('\n').split('\n');
    for (const { code, name } of provinces) expect([code, lines.some((line) => new RegExp(`(^|\\s)${code}\\s+${name}\\s`).test(line))]).toEqual([code, true]);
  });
});
