// Placeholder until this part is written.
export function PreviewPanel() {
  return <div data-testid="placeholder-PreviewPanel" />;
}
