import { type FormEvent, useEffect, useRef, useState } from 'react';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** Asks for a reason (reject, acknowledge a missed deadline); the confirm button waits for one. */
  reasonLabel?: string;
  danger?: boolean;
  onConfirm(reason: string): void | Promise<void>;
}

/** A modal confirmation (the browser's own <dialog>: focus stays inside, Escape cancels). */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    return () => node?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await request.onConfirm(reason.trim());
    } finally {
      setBusy(false);
      onClose();
    }
  }

  return (
    <dialog ref={dialog} className="confirm" onCancel={onClose} aria-labelledby="confirm-title">
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="confirm-title">{request.title}</h2>
        <p>{request.message}</p>
        {request.reasonLabel && (
          <label>
            {request.reasonLabel}
            <textarea name="reason" required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
        )}
        <div className="buttons">
          <button type="button" className="secondary" onClick={onClose}>
            Quay lại
          </button>
          <button type="submit" className={request.danger ? 'danger' : undefined} disabled={busy || (!!request.reasonLabel && !reason.trim())} data-confirm>
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
