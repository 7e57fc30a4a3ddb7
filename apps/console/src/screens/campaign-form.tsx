export function CampaignFormScreen() {
  return <p className="muted">Đang xây dựng.</p>;
}
