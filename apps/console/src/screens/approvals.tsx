export function ApprovalsScreen() {
  return <p className="muted">Đang xây dựng.</p>;
}
