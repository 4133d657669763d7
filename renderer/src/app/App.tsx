import type { HostApi } from '../../../shared/host-api.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { FileBar } from './FileBar.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { LabPanel } from '../lab/LabPanel.tsx';
import { PreviewPanel } from '../preview/PreviewPanel.tsx';
import { ProblemsPanel } from '../problems/ProblemsPanel.tsx';
import { HostContext } from '../host/host-context.ts';
import { Notice } from './Notice.tsx';
import { useShortcuts } from './shortcuts.ts';
import { useTheme } from '../theme/theme.ts';

export function App({ host }: { host: HostApi | null }) {
  const theme = useTheme((s) => s.theme);
  useShortcuts();
  if (!host) {
    return (
      <div className="no-host" data-theme={theme}>
        <h1>Federation Studio</h1>
        <p>
          This page needs its host. Start it with <code>npm run web</code> and open the URL it
          prints (it carries a one-time token).
        </p>
      </div>
    );
  }
  return (
    <HostContext.Provider value={host}>
      <div className="app" data-theme={theme}>
        <header className="app-bar">
          <FileBar />
        </header>
        <aside className="app-palette">
          <Palette />
        </aside>
        <main className="app-canvas">
          <Canvas />
        </main>
        <aside className="app-side">
          <Inspector />
        </aside>
        <section className="app-bottom">
          <ProblemsPanel />
          <PreviewPanel />
          <LabPanel />
        </section>
        <Notice />
      </div>
    </HostContext.Provider>
  );
}
