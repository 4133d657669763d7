// Placeholder until this part is written.
export function Inspector() {
  return <div data-testid="placeholder-Inspector" />;
}
