import { create } from 'zustand';

export type Theme = 'dark' | 'light';

const KEY = 'fedstudio.theme';

function initial(): Theme {
  const saved = localStorage.getItem(KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  // jsdom has no matchMedia.
  const light =
    'matchMedia' in window && window.matchMedia('(prefers-color-scheme: light)').matches;
  return light ? 'light' : 'dark';
}

export const useTheme = create<{ theme: Theme; toggle(): void }>()((set, get) => ({
  theme: initial(),
  toggle() {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, theme);
    set({ theme });
  },
}));
