import type { HostApi } from '../../../shared/host-api.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { EmptyCanvas } from './EmptyCanvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { FileBar } from './FileBar.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { LabPanel } from '../lab/LabPanel.tsx';
import { PreviewPanel } from '../preview/PreviewPanel.tsx';
import { ProblemsPanel } from '../problems/ProblemsPanel.tsx';
import { useTheme } from '../theme/theme.ts';
import { SplitPane, type Pane } from '../ui/SplitPane.tsx';
import { HostContext } from '../host/host-context.ts';
import { Notice } from './Notice.tsx';
import { Overlays } from './Overlays.tsx';
import { useShortcuts } from './shortcuts.ts';

// Sizes fit 1280×720 with every panel open: 170 + 300 px at the sides leave the canvas 800 px,
// and the bottom dock's 220 px leave it about 420 px high.
const DOCK: readonly Pane[] = [
  {
    id: 'problems',
    label: 'Problems',
    min: 160,
    initial: 280,
    collapsible: true,
    content: <ProblemsPanel />,
  },
  {
    id: 'preview',
    label: 'Config preview',
    min: 200,
    initial: 0,
    flex: true,
    content: <PreviewPanel />,
  },
  { id: 'lab', label: 'Lab', min: 200, initial: 320, collapsible: true, content: <LabPanel /> },
];

const CENTRE: readonly Pane[] = [
  {
    id: 'canvas',
    label: 'Canvas',
    min: 200,
    initial: 0,
    flex: true,
    content: (
      <main className="app-canvas">
        <Canvas />
        <EmptyCanvas />
      </main>
    ),
  },
  {
    id: 'dock',
    label: 'Problems, preview and lab',
    min: 110,
    initial: 220,
    max: 700,
    collapsible: true,
    content: <SplitPane id="dock" direction="horizontal" panes={DOCK} className="app-bottom" />,
  },
];

const MAIN: readonly Pane[] = [
  {
    id: 'palette',
    label: 'Palette',
    min: 130,
    initial: 170,
    max: 360,
    collapsible: true,
    content: (
      <aside className="app-palette">
        <Palette />
      </aside>
    ),
  },
  {
    id: 'centre',
    label: 'Canvas',
    min: 360,
    initial: 0,
    flex: true,
    content: <SplitPane id="centre" direction="vertical" panes={CENTRE} />,
  },
  {
    id: 'inspector',
    label: 'Inspector',
    min: 240,
    initial: 300,
    max: 640,
    collapsible: true,
    content: (
      <aside className="app-side">
        <Inspector />
      </aside>
    ),
  },
];

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
        <SplitPane id="main" direction="horizontal" panes={MAIN} className="app-main" />
        <Overlays />
        <Notice />
      </div>
    </HostContext.Provider>
  );
}
