// Placeholder until this part is written.
export function Palette() {
  return <div data-testid="placeholder-Palette" />;
}
