// Placeholder until the keyboard shortcuts are written.
export function useShortcuts(): void {}
