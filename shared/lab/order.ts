// Start order: every container after what it depends on. The generator already drops dependency
// edges that would close a cycle; anything left that still does is started last, not looped on.

export function startOrder(
  containers: readonly { instance: string; dependsOn: string[] }[],
): string[] {
  const deps = new Map(containers.map((c) => [c.instance, c.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const out: string[] = [];
  const visit = (name: string) => {
    if (state.has(name)) return; // done, or open (a cycle): either way not again
    state.set(name, 'open');
    for (const d of deps.get(name) ?? []) if (deps.has(d)) visit(d);
    state.set(name, 'done');
    out.push(name);
  };
  for (const c of containers) visit(c.instance);
  return out;
}
