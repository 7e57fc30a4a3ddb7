export function LookupScreen() {
  return <p className="muted">Đang xây dựng.</p>;
}
