import { createTestApi, type TestApi } from './test-app';

interface Finding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  line?: number;
  column?: number;
}

const PLACE = / at line \d+, column \d+/g;

/**
 * What a drafter reads about a template through the API (issue 23, "Errors" and "Province names for texts"):
 * each place said once, a single-brace placeholder and a capitalised province name mid-sentence are warnings
 * that name the placeholder to write instead, and a warning does not stop the template.
 */
describe('template findings as the API answers them', () => {
  let api: TestApi;
  let drafter: string;

  beforeAll(async () => {
    api = await createTestApi();
    drafter = await api.login('demo-drafter');
  });
  afterAll(() => api?.close());

  const post = (path: string, body: object) => api.http().post(path).auth(drafter, { type: 'bearer' }).send(body);
  const findings = async (body: string): Promise<Finding[]> => {
    const response = await post('/templates/preview', { body, provinces: ['14'], policy: 'auto' }).expect(200);
    return response.body.policies[0].findings;
  };

  it.each([
    ['an unclosed placeholder', 'Công an {{province.unit', 'SYNTAX'],
    ['an unknown variable', 'Công an {{province.mayor}} cảnh báo', 'UNKNOWN_VARIABLE'],
  ])('says the place of %s once, in preview and on save', async (_, body, code) => {
    for (const [path, request] of [
      ['/templates/preview', { body }],
      ['/templates', { name: 'Lỗi', body }],
    ] as const) {
      const response = await post(path, request).expect(400);
      expect(response.body.details).toMatchObject({ code, line: 1 });
      expect(response.body.message.match(PLACE)).toHaveLength(1);
    }
  });

  it('warns about a single-brace placeholder, naming the double-brace form, with its place once', async () => {
    const found = await findings('Công an {province.unit} cảnh báo: không cung cấp mã OTP.');
    const single = found.filter((finding) => finding.code === 'SINGLE_BRACES');
    expect(single).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 9 })]);
    expect(single[0].message).toContain('{{province.unit}}');
    expect(single[0].message.match(PLACE)).toHaveLength(1);
  });

  it('warns about {{province.name}} after "Công an", naming {{province.unit}} and {{province.shortName}}, and still saves and submits it', async () => {
    const body = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.';
    const found = await findings(body);
    const midSentence = found.filter((finding) => finding.code === 'PROVINCE_NAME_MID_SENTENCE');
    expect(midSentence).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 9 })]);
    expect(midSentence[0].message).toContain('{{province.unit}}');
    expect(midSentence[0].message).toContain('{{province.shortName}}');
    expect(found.filter((finding) => finding.severity === 'error')).toEqual([]);
    for (const finding of found) expect((finding.message.match(PLACE) ?? []).length).toBeLessThanOrEqual(1);
    const saved = await post('/templates', { name: 'Cảnh báo OTP', body }).expect(201);
    await post(`/templates/${saved.body.id}/submit`, {}).expect(200);
  });

  it("gives no such warning for the README's own template", async () => {
    const found = await findings('Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.');
    expect(found.map((finding) => finding.code)).not.toContain('PROVINCE_NAME_MID_SENTENCE');
    expect(found.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
