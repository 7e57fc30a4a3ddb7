import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type CampaignDetail } from '../api/models';
import { describeWindow } from '../format';
import { useAction } from './notices';
import { VietnameseInput } from './vietnamese-input';

/** The send window and daily cap of a campaign not finished yet (approvers): a wider or lifted window or a lifted cap needs a reason. */
export function SendLimitsForm({ campaign, onSaved }: { campaign: CampaignDetail; onSaved(): void }) {
  const act = useAction();
  const daily = campaign.sendWindow?.kind === 'daily' ? campaign.sendWindow : null;
  const [windowStart, setWindowStart] = useState(daily?.start ?? '07:00');
  const [windowEnd, setWindowEnd] = useState(daily?.end ?? '21:00');
  const [windowLifted, setWindowLifted] = useState(campaign.sendWindow?.kind === 'lifted');
  const [dailyCapLifted, setDailyCapLifted] = useState(campaign.dailyCapLifted);
  const [reason, setReason] = useState('');
  const overriding = windowLifted || dailyCapLifted || windowStart < '07:00' || windowEnd > '21:00';

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = {
      ...(windowLifted ? { windowLifted: true } : { windowStart, windowEnd }),
      dailyCapLifted,
      ...(overriding && reason.trim() ? { overrideReason: reason.trim() } : {}),
    };
    if (await act(() => answer(api.POST('/campaigns/{id}/send-limits', { params: { path: { id: campaign.id } }, body })))) {
      setReason('');
      onSaved();
    }
  }

  return (
    <form className="send-limits" onSubmit={(event) => void save(event)} aria-label="Khung giờ gửi và giới hạn">
      <p>
        Hiện tại: <strong data-send-window>{describeWindow(campaign.sendWindow)}</strong>
        {campaign.dailyCapLifted && ' · không giới hạn số tin mỗi ngày'}
      </p>
      <div className="filters">
        <label>
          Từ
          <VietnameseInput kind="time" name="limits-start" value={windowStart} disabled={windowLifted} onChange={setWindowStart} />
        </label>
        <label>
          Đến
          <VietnameseInput kind="time" name="limits-end" value={windowEnd} disabled={windowLifted} onChange={setWindowEnd} />
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" name="limits-window-lifted" checked={windowLifted} onChange={(event) => setWindowLifted(event.target.checked)} />
        Gửi cả ngày đêm
      </label>
      <label className="inline">
        <input type="checkbox" name="limits-cap-lifted" checked={dailyCapLifted} onChange={(event) => setDailyCapLifted(event.target.checked)} />
        Bỏ giới hạn số tin mỗi ngày
      </label>
      {overriding && (
        <label>
          Lý do ngoại lệ (bắt buộc, được ghi nhật ký)
          <textarea name="limits-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
      )}
      <div className="buttons">
        <button type="submit" data-action="send-limits">
          Lưu khung giờ và giới hạn
        </button>
      </div>
    </form>
  );
}
