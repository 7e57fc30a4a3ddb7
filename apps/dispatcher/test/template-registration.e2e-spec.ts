import ExcelJS from 'exceljs';
import { DispatcherModule } from '@loa/dispatcher';
import { type TextPattern } from '@loa/sms';
import { type SmscProfile, type SmscSimulator } from '@loa/smsc-simulator';
import { TemplateRegistrationModule } from '@loa/templates';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Gọi {{province.hotline}}.';
// SMPP's ESME_RSUBMITFAIL, which the link would otherwise retry: the account names it the carrier's "template not registered".
const TEMPLATE_REFUSED = 0x45;
const FAST_RECEIPTS: Partial<SmscProfile> = { messageIdFormat: 'decimal', receiptIdFormat: 'decimal', receiptDelayMs: [1, 10], outcomes: { DELIVRD: 1 } };

/**
 * Viettel and VNPT demand registered templates, in Loa's carriers file and at their SMSC (which knows the
 * patterns registered with it). MobiFone's SMSC demands them too while Loa's account says it does not: what
 * a carrier that starts demanding registration unannounced does.
 */
describe('template registrations per carrier', () => {
  let api: TestApi;
  let admin: string;
  let drafter: string;
  let approver: string;
  const patterns: Record<string, TextPattern[]> = { viettel: [], vnpt: [], mobifone: [] };
  const simulators: Record<string, SmscSimulator> = {};

  beforeAll(async () => {
    for (const carrier of ['viettel', 'vnpt', 'mobifone'] as const) {
      const status = carrier === 'mobifone' ? TEMPLATE_REFUSED : undefined;
      simulators[carrier] = await simulatedCarrier(carrier, { ...FAST_RECEIPTS, templateRegistration: { status, patterns: patterns[carrier] } });
    }
    const carriers = (['viettel', 'vnpt', 'mobifone'] as const).map((id) =>
      simulatedAccount(id, simulators[id].port, id === 'mobifone' ? { templateRefusedStatus: TEMPLATE_REFUSED } : { templateRegistration: 'required' }),
    );
    api = await createTestApi({
      imports: [TemplateRegistrationModule.forRoot(['viettel', 'vnpt']), DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50 } })],
    });
    await seedSubscribers(api, 'viettel', '14', 84960000000, 3);
    await seedSubscribers(api, 'vnpt', '14', 84940000000, 3);
    await seedSubscribers(api, 'mobifone', '14', 84930000000, 3);
    [admin, drafter, approver] = await Promise.all([api.login('demo-admin'), api.login('demo-drafter'), api.login('demo-approver')]);
  });
  afterAll(async () => {
    await api?.close();
    for (const simulator of Object.values(simulators)) await simulator.stop();
  });
  beforeEach(() => Object.values(simulators).forEach((simulator) => simulator.reset()));

  const post = (token: string, path: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const get = (token: string, path: string) => api.http().get(path).auth(token, { type: 'bearer' });

  async function approvedTemplate(body = BODY): Promise<number> {
    const created = await post(drafter, '/templates', { name: 'Cảnh báo OTP', body }).expect(201);
    await post(drafter, `/templates/${created.body.id}/submit`).expect(200);
    await post(approver, `/templates/${created.body.id}/approve`).expect(200);
    return created.body.id;
  }

  /** Registered in Loa, and the pattern the carrier now holds given to its SMSC. */
  async function register(templateId: number, carrier: string, slots?: object): Promise<void> {
    await post(admin, `/templates/${templateId}/registrations/${carrier}`, { state: 'submitted', slots }).expect(201);
    const registered = await post(admin, `/templates/${templateId}/registrations/${carrier}`, { state: 'registered', reference: `${carrier}-0142` }).expect(
      201,
    );
    patterns[carrier].push(registered.body.pattern);
  }

  async function pendingCampaign(templateId: number, carriers: string[]): Promise<number> {
    const campaign = await post(drafter, '/campaigns', {
      name: 'Cảnh báo trước Tết',
      templateId,
      provinces: ['14'],
      carriers,
      startAt: new Date().toISOString(),
      windowLifted: true,
      dailyCapLifted: true,
      overrideReason: 'test: not about send windows or the daily cap',
    }).expect(201);
    await post(drafter, `/campaigns/${campaign.body.id}/submit`).expect(200);
    return campaign.body.id;
  }

  it('sends a registered text, and refuses at approval a carrier where it is not registered unless the approver leaves it out', async () => {
    const templateId = await approvedTemplate();
    await register(templateId, 'viettel');
    await post(admin, `/templates/${templateId}/registrations/vnpt`, { state: 'submitted' }).expect(201);
    const campaignId = await pendingCampaign(templateId, ['viettel', 'vnpt']);

    const plan = await get(approver, `/campaigns/${campaignId}/plan`).expect(200);
    expect(plan.body.unregisteredCarriers).toEqual(['vnpt']);
    expect(plan.body.registrationProblems).toEqual([{ code: 'TEMPLATE_NOT_REGISTERED', carrier: 'vnpt', state: 'submitted' }]);
    const draftPlan = await post(drafter, '/campaigns/plan', {
      name: 'Nháp',
      templateId,
      provinces: ['14'],
      carriers: ['vnpt', 'mobifone'],
      startAt: new Date().toISOString(),
    }).expect(200);
    expect(draftPlan.body.unregisteredCarriers).toEqual(['vnpt']);
    const preview = await post(drafter, '/templates/preview', { templateId, provinces: ['14'] }).expect(200);
    expect(preview.body.unregisteredCarriers).toEqual(['vnpt']);

    const refused = await post(approver, `/campaigns/${campaignId}/approve`).expect(409);
    expect(refused.body.details).toMatchObject({ code: 'TEMPLATE_NOT_REGISTERED', carrier: 'vnpt', carriers: ['vnpt'] });
    expect(refused.body.message).toContain('vnpt');

    const approved = await post(approver, `/campaigns/${campaignId}/approve`, { excludeCarriers: ['vnpt'] }).expect(200);
    expect(approved.body.carriers).toEqual(['viettel']);
    await waitForCompletion(api, campaignId);

    const states = await api.dataSource.query(`SELECT carrier, state, count(*)::int AS n FROM messages WHERE campaign_id = $1 GROUP BY 1, 2`, [campaignId]);
    expect(states).toEqual([{ carrier: 'viettel', state: 'delivered', n: 3 }]);
    // Two UCS-2 parts each: the SMSC judged each message by its first part, and took every part.
    expect(simulators.viettel.received.every((submit) => submit.status === 0)).toBe(true);
    const texts = simulators.viettel.messages().map((message) => message.text);
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(text).toMatch(/^Công an tỉnh Sơn La cảnh báo: không cung cấp mã OTP cho bất kỳ ai\. Gọi .+\.$/);
    expect(simulators.vnpt.received).toHaveLength(0);
    const [audit] = await api.dataSource.query(`SELECT details FROM audit_log WHERE action = 'campaign.scheduled' AND object_id = $1`, [String(campaignId)]);
    expect(audit.details).toMatchObject({ excludedCarriers: ['vnpt'], carriers: ['viettel'] });
  });

  it('catches at approval a value too long for its registered slot, before anything reaches the SMSC', async () => {
    const templateId = await approvedTemplate();
    await register(templateId, 'viettel', { 'province.hotline': 5 });
    const campaignId = await pendingCampaign(templateId, ['viettel']);

    const refused = await post(approver, `/campaigns/${campaignId}/approve`).expect(409);
    expect(refused.body.details).toMatchObject({ code: 'SLOT_OVERFLOW', carrier: 'viettel', province: '14' });
    expect(refused.body.details.problems[0]).toMatchObject({ slot: 'P2', variable: 'province.hotline', maxLength: 5 });
    const [campaign] = await api.dataSource.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]);
    expect(campaign.state).toBe('pending_approval');
    expect(simulators.viettel.received).toHaveLength(0);
  });

  it('takes an SMSC refusal of an unregistered text as final: each message is sent once and rejected', async () => {
    const templateId = await approvedTemplate();
    const campaignId = await pendingCampaign(templateId, ['mobifone']);
    await post(approver, `/campaigns/${campaignId}/approve`).expect(200);
    await waitForCompletion(api, campaignId);

    const messages = await api.dataSource.query(`SELECT state, attempts, last_error FROM messages WHERE campaign_id = $1`, [campaignId]);
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).toMatchObject({ state: 'rejected', attempts: 1 });
    expect(messages[0].last_error).toContain('template not registered');
    expect(simulators.mobifone.received.map((submit) => submit.status)).toEqual([TEMPLATE_REFUSED, TEMPLATE_REFUSED, TEMPLATE_REFUSED]);
  });

  it('records answers only from an admin, on an approved version, with a reference or a reason, and exports the patterns', async () => {
    const templateId = await approvedTemplate();
    await post(drafter, `/templates/${templateId}/registrations/viettel`, { state: 'submitted' }).expect(403);
    await post(admin, `/templates/${templateId}/registrations/viettel`, { state: 'registered' }).expect(400);
    await post(admin, `/templates/${templateId}/registrations/viettel`, { state: 'refused' }).expect(400);
    await post(admin, `/templates/${templateId}/registrations/viettel`, { state: 'pending' }).expect(400);
    await post(admin, `/templates/${templateId}/registrations/nokia`, { state: 'submitted' }).expect(400);
    await post(admin, `/templates/${templateId}/registrations/viettel`, { state: 'submitted', slots: { 'province.nickname': 9 } }).expect(400);
    const draft = await post(drafter, '/templates', { name: 'Nháp', body: BODY }).expect(201);
    await post(admin, `/templates/${draft.body.id}/registrations/viettel`, { state: 'submitted' }).expect(409);
    const withBlock = await approvedTemplate('Công an {{province.unit}} cảnh báo.{{#if province.zalo}} Zalo: {{province.zalo}}{{/if}}');
    const block = await post(admin, `/templates/${withBlock}/registrations/viettel`, { state: 'submitted' }).expect(400);
    expect(block.body.message).toContain('block');
    expect(await api.dataSource.query(`SELECT 1 FROM template_registrations WHERE template_id = ANY($1)`, [[templateId, draft.body.id, withBlock]])).toEqual(
      [],
    );

    await post(admin, `/templates/${templateId}/registrations/viettel`, { state: 'submitted' }).expect(201);
    await post(admin, `/templates/${templateId}/registrations/vnpt`, { state: 'refused', reason: 'Sai template chăm sóc khách hàng' }).expect(201);
    const listed = await get(drafter, `/templates/${templateId}/registrations`).expect(200);
    expect(listed.body.required).toEqual(['viettel', 'vnpt']);
    expect(listed.body.registrations.map((r: { carrier: string; state: string; reason: string | null }) => [r.carrier, r.state, r.reason])).toEqual([
      ['viettel', 'submitted', null],
      ['vnpt', 'refused', 'Sai template chăm sóc khách hàng'],
    ]);
    const expected = 'Công an {P1} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Gọi {P2}.';
    expect(listed.body.registrations[0].pattern).toMatchObject({
      text: expected,
      slots: [{ name: 'P1', variable: 'province.unit', maxLength: 30 }, { name: 'P2' }],
    });

    const csv = await get(drafter, `/templates/${templateId}/registrations?format=csv&carrier=viettel`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(expected);
    expect(lines[1]).toContain('Đã gửi đăng ký');

    const xlsx = await get(drafter, `/templates/${templateId}/registrations?format=xlsx&carrier=vnpt`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const row = book.worksheets[0].getRow(2).values as unknown[];
    expect(row).toEqual(expect.arrayContaining(['VNPT (VinaPhone)', expected, 'Bị từ chối', 'Sai template chăm sóc khách hàng']));
    expect(book.worksheets[0].rowCount).toBe(2);
  });
});
