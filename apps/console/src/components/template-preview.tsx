import { useEffect, useRef, useState } from 'react';
import { answer, api, ApiError } from '../api/client';
import { type Carrier, type EncodingPolicy, type LintFinding, type PolicyPreview, type ProvincePreview, type TemplatePreview } from '../api/models';
import { lintMessage, vietnameseError } from '../errors/catalog';
import { CARRIERS, ENCODINGS, formatNumber, POLICIES } from '../format';
import { useDebounced } from '../hooks';
import { useSession } from '../context';

/** Milliseconds after the last keystroke before the preview is asked for (it answers within 300 ms of it). */
const DEBOUNCE_MS = 100;

interface PreviewInput {
  body: string;
  policy: EncodingPolicy;
  maxSegments: number;
  provinces: string[];
  carriers?: Carrier[];
}

/**
 * The live preview of a template body: per targeted province and carrier, the rendered text, its encoding
 * and parts, the lint findings in place, and the "không dấu" (ascii-fold) text where it takes fewer parts.
 * Asked again shortly after every keystroke; an answer to an older body is dropped.
 */
export function TemplatePreviewPanel({ input }: { input: PreviewInput }) {
  const debounced = useDebounced(input, DEBOUNCE_MS);
  const key = JSON.stringify(debounced);
  const [state, setState] = useState<{ key: string; preview: TemplatePreview | null; error: string | null } | null>(null);
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    if (!debounced.body.trim()) return undefined;
    const controller = new AbortController();
    // Every policy at once: the chosen one, and ascii-fold for the "không dấu" variant.
    const request = { body: debounced.body, maxSegments: debounced.maxSegments, provinces: debounced.provinces, carriers: debounced.carriers };
    answer<TemplatePreview>(api.POST('/templates/preview', { body: request, signal: controller.signal }))
      .then((preview) => latest.current === key && setState({ key, preview, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted || latest.current !== key) return;
        setState({ key, preview: null, error: error instanceof ApiError ? vietnameseError(error.body) : String(error) });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!input.body.trim()) return <p className="muted">Gõ nội dung mẫu tin để xem trước.</p>;
  if (!state) return <p className="muted">Đang xem trước…</p>;
  const stale = state.key !== JSON.stringify(input);
  if (state.error) {
    return (
      <div className="preview" data-preview-error aria-live="polite">
        <p className="error">{state.error}</p>
      </div>
    );
  }
  const preview = state.preview!;
  const chosen = preview.policies.find((policy) => policy.policy === input.policy) ?? preview.policies[0];
  const folded = preview.policies.find((policy) => policy.policy === 'ascii-fold');
  return (
    <div className={`preview${stale ? ' stale' : ''}`} aria-live="polite" aria-busy={stale}>
      <p>
        Chính sách mã hóa: <strong>{POLICIES[chosen.policy]}</strong> · {formatNumber(preview.audience)} thuê bao · tổng{' '}
        <strong data-audience-segments>{formatNumber(chosen.audienceSegments)}</strong> phần tin tính cước
      </p>
      <Findings findings={chosen.findings.filter((finding) => !finding.province)} />
      {chosen.provinces.map((province) => (
        <ProvinceCard key={province.code} province={province} policy={chosen} folded={folded?.provinces.find((other) => other.code === province.code)} />
      ))}
    </div>
  );
}

function ProvinceCard({ province, policy, folded }: { province: ProvincePreview; policy: PolicyPreview; folded?: ProvincePreview }) {
  const { provinceName } = useSession();
  const findings = policy.findings.filter((finding) => finding.province === province.code || finding.provinces?.includes(province.code));
  const foldedFewer = folded && !folded.error && folded.text && policy.policy !== 'ascii-fold' && folded.segments < province.segments;
  return (
    <section className="province-preview" data-province={province.code}>
      <h4>{province.name || provinceName(province.code)}</h4>
      {province.error ? <p className="error">{province.error}</p> : <p className="sms">{province.text}</p>}
      <table className="compact">
        <thead>
          <tr>
            <th>Nhà mạng</th>
            <th>Mã hóa</th>
            <th>Số phần</th>
            <th>Thuê bao</th>
          </tr>
        </thead>
        <tbody>
          {province.carriers.map((carrier) => (
            <tr key={carrier.carrier} data-carrier={carrier.carrier} data-segments={carrier.segments} data-encoding={carrier.encoding}>
              <td>{CARRIERS[carrier.carrier] ?? carrier.carrier}</td>
              <td>{ENCODINGS[carrier.encoding] ?? carrier.encoding}</td>
              <td>{formatNumber(carrier.segments)} phần</td>
              <td>{formatNumber(carrier.audience)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Findings findings={findings} />
      {foldedFewer && (
        <div className="folded" data-folded>
          <p>
            Bản <strong>không dấu</strong> chỉ cần {formatNumber(folded.segments)} phần (thay vì {formatNumber(province.segments)}):
          </p>
          <p className="sms">{folded.text}</p>
        </div>
      )}
    </section>
  );
}

/** Findings grouped by kind (a Vietnamese text flags every accented letter): one line each, with where they are. */
export function Findings({ findings }: { findings: LintFinding[] }) {
  if (findings.length === 0) return null;
  const groups = new Map<string, LintFinding[]>();
  for (const finding of findings) groups.set(`${finding.severity}:${finding.code}`, [...(groups.get(`${finding.severity}:${finding.code}`) ?? []), finding]);
  return (
    <ul className="findings">
      {[...groups.values()].map((group) => {
        const [first] = group;
        const places = group.filter((finding) => finding.line).map((finding) => `dòng ${finding.line}, cột ${finding.column ?? 1}`);
        return (
          <li key={`${first.severity}:${first.code}`} className={`finding-${first.severity}`} data-finding={first.code}>
            {first.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: {lintMessage(first.code)}
            {places.length > 0 && ` (${places.length > 3 ? `${places.length} chỗ, đầu tiên ở ${places[0]}` : places.join('; ')})`}
            <span className="muted small" lang="en">
              {' '}
              — {first.message}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
