// Placeholder until this part is written.
export function Canvas() {
  return <div data-testid="placeholder-Canvas" />;
}
