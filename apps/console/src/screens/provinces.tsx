import { type FormEvent, useEffect, useRef, useState } from 'react';
import { answer, api } from '../api/client';
import { type ProvinceContacts, type ProvinceContactsChange } from '../api/admin-models';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { can, useSession } from '../context';
import { usePolled } from '../hooks';
import '../admin.css';

/** The provinces' police hotlines and channels, as templates print them (admins edit those of their provinces; audited). */
export function ProvincesScreen() {
  const { user } = useSession();
  const [selected, setSelected] = useState<string | null>(null);
  const provinces = usePolled(async () => (await answer<{ province: ProvinceContacts }[]>(api.GET('/provinces'))).map((match) => match.province), [], {
    poll: false,
  });
  const editable = (code: string) => can(user, 'admin') && (user.provinceScope === null || user.provinceScope.includes(code));
  const province = provinces.data?.find((candidate) => candidate.code === selected) ?? null;

  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="provinces-title">
        <h2 id="provinces-title">Đường dây nóng và kênh liên hệ của Công an các tỉnh, thành phố</h2>
        <p className="muted">
          Mẫu tin in các số và kênh này qua biến {'{{province.hotline}}'}, {'{{province.website}}'}… Chọn một dòng để sửa.
        </p>
        <DataTable
          id="provinces"
          rows={provinces.data ?? []}
          rowKey={(row) => row.code}
          rowAttributes={(row) => ({ 'data-province': row.code })}
          onOpen={(row) => setSelected(row.code)}
          selected={selected}
          empty={provinces.data ? 'Không có tỉnh, thành phố nào.' : 'Đang tải…'}
          columns={[
            { header: 'Mã', cell: (row) => row.code },
            { header: 'Tỉnh, thành phố', cell: (row) => row.name },
            { header: 'Đường dây nóng', cell: (row) => (row.policeHotlines.length ? row.policeHotlines.join(', ') : '—') },
            { header: 'Trang web', className: 'wrap', cell: (row) => row.website ?? '—' },
            { header: 'Zalo OA', className: 'wrap', cell: (row) => row.zalo ?? '—' },
            { header: 'Fanpage', className: 'wrap', cell: (row) => row.fanpage ?? '—' },
          ]}
        />
      </section>
      {province && (
        <ProvinceEditor
          key={province.code}
          province={province}
          editable={editable(province.code)}
          onSaved={() => {
            provinces.reload();
          }}
        />
      )}
    </div>
  );
}

/** Text fields as the form holds them; an emptied optional field clears it (null). */
function ProvinceEditor({ province, editable, onSaved }: { province: ProvinceContacts; editable: boolean; onSaved(): void }) {
  const act = useAction();
  const [hotlines, setHotlines] = useState(province.policeHotlines.join('\n'));
  const [website, setWebsite] = useState(province.website ?? '');
  const [zalo, setZalo] = useState(province.zalo ?? '');
  const [fanpage, setFanpage] = useState(province.fanpage ?? '');
  const [vneid, setVneid] = useState(province.vneid ?? '');
  const [saved, setSaved] = useState(false);
  const firstField = useRef<HTMLTextAreaElement>(null);
  // The editor opens below 34 rows: take the focus there (and the view with it), for the keyboard and the eye.
  useEffect(() => firstField.current?.focus(), []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
    const body: ProvinceContactsChange = {
      policeHotlines: hotlines
        .split(/[\n,;]/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      website: orNull(website),
      zalo: orNull(zalo),
      fanpage: orNull(fanpage),
      vneid: orNull(vneid),
    };
    const ok = await act(() => answer(api.PATCH('/provinces/{code}', { params: { path: { code: province.code } }, body })));
    if (ok) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <section className="card wide" aria-labelledby="province-edit-title" data-edit-province={province.code}>
      <h2 id="province-edit-title">Công an {province.name}</h2>
      <form onSubmit={(event) => void save(event)}>
        <fieldset disabled={!editable}>
          <div className="columns">
            <label>
              Đường dây nóng (mỗi số một dòng, tối đa 5; ví dụ 069.367.2888 hoặc 113)
              <textarea ref={firstField} name="hotlines" rows={3} value={hotlines} onChange={(e) => setHotlines(e.target.value)} />
            </label>
            <label>
              Trang web (https://…)
              <input name="website" value={website} onChange={(e) => setWebsite(e.target.value)} />
            </label>
            <label>
              Zalo OA (zalo.me/…)
              <input name="zalo" value={zalo} onChange={(e) => setZalo(e.target.value)} />
            </label>
            <label>
              Fanpage (facebook.com/…)
              <input name="fanpage" value={fanpage} onChange={(e) => setFanpage(e.target.value)} />
            </label>
            <label>
              Chỉ dẫn tới mục "Cảnh báo thủ đoạn tội phạm" trên VNeID
              <input name="vneid" value={vneid} onChange={(e) => setVneid(e.target.value)} />
            </label>
          </div>
          <button type="submit" data-action="save-province">
            Lưu
          </button>
        </fieldset>
        {!editable && <p className="muted">Tỉnh, thành phố này nằm ngoài phạm vi của bạn: chỉ xem.</p>}
        {saved && (
          <p className="ok" role="status" data-saved-province>
            Đã lưu liên hệ của Công an {province.name}. Bản xem trước và các chiến dịch tạo sau đây dùng thông tin mới.
          </p>
        )}
      </form>
    </section>
  );
}
