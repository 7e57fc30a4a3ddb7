import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type EncodingPolicy, type Template } from '../api/models';
import { type Column, DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { TemplatePreviewPanel } from '../components/template-preview';
import { TemplateRegistrationsPanel } from '../components/template-registrations';
import { can, useSession } from '../context';
import { formatTime, POLICIES, TEMPLATE_STATUSES } from '../format';
import { usePolled } from '../hooks';
import { PAGE_SIZE, Pager } from './campaign-filters';

/** Templates: the list (newest first, paged), and the editor with its live preview. */
export function TemplatesScreen() {
  const { user } = useSession();
  const [offset, setOffset] = useState(0);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<Template | 'new' | null>(can(user, 'drafter') ? 'new' : null);
  const templates = usePolled(() => answer<Template[]>(api.GET('/templates', { params: { query: { limit: PAGE_SIZE + 1, offset } } })), [offset], {
    poll: false,
  });
  const shown = (templates.data?.slice(0, PAGE_SIZE) ?? []).filter((template) => !status || template.status === status);

  const columns: Column<Template>[] = [
    {
      header: 'Mẫu tin',
      cell: (template) => (
        <>
          <strong>{template.name}</strong>
          <div className="muted">
            #{template.id} · phiên bản {template.version} · {formatTime(template.createdAt)}
          </div>
        </>
      ),
    },
    {
      header: 'Trạng thái',
      cell: (template) => (
        <span className={`state state-${template.status}`} data-status={template.status}>
          {TEMPLATE_STATUSES[template.status]}
        </span>
      ),
    },
    {
      header: 'Lý do từ chối',
      className: 'wrap',
      cell: (template) => (template.rejectionReason ? <span data-rejection>{template.rejectionReason}</span> : <span className="muted">—</span>),
    },
  ];

  return (
    <div className="columns">
      <section className="card" aria-labelledby="templates-title">
        <h2 id="templates-title">Mẫu tin</h2>
        <div className="filters">
          <label>
            Trạng thái
            <select name="template-status" value={status} onChange={(event) => setStatus(event.target.value)}>
              <option value="">Tất cả</option>
              {Object.entries(TEMPLATE_STATUSES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {can(user, 'drafter') && (
            <div className="buttons">
              <button type="button" data-action="new-template" onClick={() => setEditing('new')}>
                Soạn mẫu tin mới
              </button>
            </div>
          )}
        </div>
        <DataTable
          id="templates"
          rows={shown}
          columns={columns}
          rowKey={(template) => template.id}
          rowAttributes={(template) => ({ 'data-template': String(template.id) })}
          onOpen={(template) => setEditing(template)}
          selected={editing !== null && editing !== 'new' ? editing.id : null}
          empty={templates.data ? 'Chưa có mẫu tin nào.' : 'Đang tải…'}
        />
        <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={(templates.data?.length ?? 0) > PAGE_SIZE} onChange={setOffset} />
      </section>
      {editing && (
        <TemplateEditor
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onSaved={(template) => {
            setEditing(template);
            templates.reload();
          }}
        />
      )}
    </div>
  );
}

/** The editor: a draft can be changed (saved as a new version) and submitted; others are shown as they are. */
function TemplateEditor({ template, onSaved }: { template: Template | null; onSaved(template: Template): void }) {
  const { user, provinces } = useSession();
  const act = useAction();
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [policy, setPolicy] = useState<EncodingPolicy>(template?.encodingPolicy ?? 'auto');
  const [maxSegments, setMaxSegments] = useState(template?.maxSegments ?? 3);
  const scope = user.provinceScope ?? provinces.map((province) => province.code);
  const [previewProvinces, setPreviewProvinces] = useState<string[]>(scope.slice(0, 2));
  const editable = can(user, 'drafter') && (!template || template.status === 'draft' || template.status === 'rejected');
  const changed = !template || name !== template.name || body !== template.body || policy !== template.encodingPolicy || maxSegments !== template.maxSegments;

  async function save(event: FormEvent) {
    event.preventDefault();
    await act(async () => {
      const saved = await answer<Template>(
        api.POST('/templates', { body: { name, body, encodingPolicy: policy, maxSegments, ...(template ? { previousVersionId: template.id } : {}) } }),
      );
      onSaved(saved);
    });
  }

  async function submit() {
    if (!template) return;
    await act(async () => onSaved(await answer<Template>(api.POST('/templates/{id}/submit', { params: { path: { id: template.id } } }))));
  }

  return (
    <section className="card" aria-labelledby="editor-title">
      <h2 id="editor-title">{template ? `Mẫu tin #${template.id}: ${template.name}` : 'Soạn mẫu tin mới'}</h2>
      {template && (
        <p>
          <span className={`state state-${template.status}`} data-editor-status={template.status}>
            {TEMPLATE_STATUSES[template.status]}
          </span>{' '}
          phiên bản {template.version}
          {template.rejectionReason && (
            <span className="error" data-editor-rejection>
              {' '}
              · bị từ chối vì: {template.rejectionReason}
            </span>
          )}
        </p>
      )}
      <form onSubmit={(event) => void save(event)}>
        <label>
          Tên mẫu tin
          <input name="template-name" required maxLength={200} value={name} disabled={!editable} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Nội dung (có thể dùng {'{{province.name}}'}, {'{{province.hotline}}'}…)
          <textarea name="template-body" required rows={5} value={body} disabled={!editable} onChange={(event) => setBody(event.target.value)} />
        </label>
        <div className="filters">
          <label>
            Mã hóa
            <select name="template-policy" value={policy} disabled={!editable} onChange={(event) => setPolicy(event.target.value as EncodingPolicy)}>
              {Object.entries(POLICIES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Số phần tối đa
            <input
              name="template-max-segments"
              type="number"
              min={1}
              max={10}
              value={maxSegments}
              disabled={!editable}
              onChange={(event) => setMaxSegments(Number(event.target.value))}
            />
          </label>
          <label>
            Xem trước cho tỉnh
            <select
              name="preview-provinces"
              multiple
              size={4}
              value={previewProvinces}
              onChange={(event) => setPreviewProvinces([...event.target.selectedOptions].map((option) => option.value))}
            >
              {provinces
                .filter((province) => scope.includes(province.code))
                .map((province) => (
                  <option key={province.code} value={province.code}>
                    {province.name}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {editable && (
          <div className="buttons">
            <button type="submit" data-action="save-template" disabled={!changed}>
              {template ? 'Lưu phiên bản mới' : 'Lưu bản nháp'}
            </button>
            {template?.status === 'draft' && !changed && (
              <button type="button" data-action="submit-template" onClick={() => void submit()}>
                Gửi duyệt
              </button>
            )}
          </div>
        )}
      </form>
      {template?.status === 'approved' && (
        <section aria-labelledby="registrations-title">
          <h3 id="registrations-title">Đăng ký mẫu tin với nhà mạng</h3>
          <TemplateRegistrationsPanel template={template} />
        </section>
      )}
      <h3>Xem trước theo tỉnh và nhà mạng</h3>
      {/* A half-typed limit (empty, 0) previews at the nearest allowed one rather than asking the API with it. */}
      <TemplatePreviewPanel input={{ body, policy, maxSegments: Math.min(10, Math.max(1, maxSegments || 1)), provinces: previewProvinces }} />
    </section>
  );
}
