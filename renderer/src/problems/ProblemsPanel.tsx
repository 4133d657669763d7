// Placeholder until this part is written.
export function ProblemsPanel() {
  return <div data-testid="placeholder-ProblemsPanel" />;
}
