// The top bar: the design's name and file (● when unsaved), and the file, edit, canvas and theme
// commands. It also hosts the file dialogs and runs the file session (start, autosave).
import { useEffect, type ReactNode } from 'react';
import { useHost } from '../app/host-context.ts';
import { selectDirty, useDesign, designStore } from '../store/design-store.ts';
import { useTheme } from '../theme/theme.ts';
import { autoLayout, exportPng, exportSvg, fitView } from '../canvas/canvas-commands.ts';
import { LabCommands } from '../lab/LabCommands.tsx';
import { FileDialogs } from './dialogs/FileDialogs.tsx';
import { exportDesign, newDesign, openDesign, save, saveAs } from './file-actions.ts';
import { displayPath, useFileUi } from './file-ui.ts';
import { Icon } from './icons.tsx';
import { keyLabel } from './keys.ts';
import { useFileSession } from './session.ts';
import './FileBar.css';

function Cmd(p: {
  id: string;
  icon: Parameters<typeof Icon>[0]['name'];
  label: string;
  keys?: string;
  disabled?: boolean;
  iconOnly?: boolean;
  onClick(): void;
}) {
  const title = p.keys ? `${p.label} (${p.keys})` : p.label;
  return (
    <button
      type="button"
      className={p.iconOnly ? 'cmd cmd-icon' : 'cmd'}
      data-testid={`cmd-${p.id}`}
      title={title}
      aria-label={p.iconOnly ? p.label : undefined}
      disabled={p.disabled}
      onClick={p.onClick}
    >
      <Icon name={p.icon} />
      {!p.iconOnly && <span>{p.label}</span>}
    </button>
  );
}

const Group = ({ children, label }: { children: ReactNode; label: string }) => (
  <div className="cmd-group" role="group" aria-label={label}>
    {children}
  </div>
);

export function FileBar() {
  const host = useHost();
  useFileSession(host);
  const name = useDesign((s) => s.topology.metadata.name);
  const filePath = useDesign((s) => s.filePath);
  const dirty = useDesign(selectDirty);
  const canUndo = useDesign((s) => s.past.length > 0);
  const canRedo = useDesign((s) => s.future.length > 0);
  useFileUi((s) => s.workspace); // paths are shown relative to it once known
  const theme = useTheme((s) => s.theme);
  const toggleTheme = useTheme((s) => s.toggle);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${name} — Federation Studio`;
  }, [name, dirty]);

  const where = filePath ? displayPath(filePath) : 'not saved yet';
  return (
    <div className="filebar">
      <div className="filebar-brand" aria-hidden="true">
        <svg width="18" height="18" viewBox="0 0 16 16">
          <circle cx="8" cy="3" r="2" fill="var(--accent)" />
          <circle cx="3" cy="12" r="2" fill="var(--accent-2)" />
          <circle cx="13" cy="12" r="2" fill="var(--accent-2)" />
          <path d="M8 5 3.8 10.3M8 5l4.2 5.3" stroke="var(--muted)" strokeWidth="1.2" />
        </svg>
      </div>
      <div className="filebar-doc" data-testid="doc-title" title={filePath ?? undefined}>
        <span className="filebar-name">{name}</span>
        <span className="filebar-path" data-testid="doc-path">
          {where}
        </span>
        {dirty && (
          <span
            className="filebar-dirty"
            data-testid="dirty"
            title="Unsaved changes"
            aria-label="unsaved changes"
          >
            ●
          </span>
        )}
      </div>
      <nav className="filebar-cmds" aria-label="Commands">
        <Group label="File">
          <Cmd id="new" icon="new" label="New" keys={keyLabel('N')} onClick={newDesign} />
          <Cmd id="open" icon="open" label="Open" keys={keyLabel('O')} onClick={openDesign} />
          <Cmd
            id="save"
            icon="save"
            label="Save"
            keys={keyLabel('S')}
            onClick={() => void save()}
          />
          <Cmd
            id="save-as"
            icon="saveAs"
            label="Save as"
            keys={keyLabel('Shift+S')}
            onClick={() => saveAs()}
          />
          <Cmd
            id="export"
            icon="export"
            label="Export"
            keys={keyLabel('E')}
            onClick={exportDesign}
          />
        </Group>
        <Group label="Edit">
          <Cmd
            id="undo"
            icon="undo"
            label="Undo"
            keys={keyLabel('Z')}
            iconOnly
            disabled={!canUndo}
            onClick={() => designStore.getState().undo()}
          />
          <Cmd
            id="redo"
            icon="redo"
            label="Redo"
            keys={keyLabel('Shift+Z')}
            iconOnly
            disabled={!canRedo}
            onClick={() => designStore.getState().redo()}
          />
        </Group>
        <Group label="Canvas">
          <Cmd id="layout" icon="layout" label="Layout" onClick={() => void autoLayout()} />
          <Cmd id="fit" icon="fit" label="Fit" keys="Shift+1 / F" onClick={() => fitView()} />
          <Cmd id="png" icon="png" label="PNG" onClick={() => void exportPng()} />
          <Cmd id="svg" icon="svg" label="SVG" onClick={() => void exportSvg()} />
        </Group>
        <Group label="Lab">
          <LabCommands />
        </Group>
        <Group label="View">
          <Cmd
            id="theme"
            icon={theme === 'dark' ? 'sun' : 'moon'}
            label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
            iconOnly
            onClick={toggleTheme}
          />
        </Group>
      </nav>
      <FileDialogs />
    </div>
  );
}
