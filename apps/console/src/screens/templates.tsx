export function TemplatesScreen() {
  return <p className="muted">Đang xây dựng.</p>;
}
