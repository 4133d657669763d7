// Placeholder until this part is written.
export function FileBar() {
  return <div data-testid="placeholder-FileBar" />;
}
