// The top bar: the design's name and file (● when unsaved), and the file, edit, canvas and theme
// commands. It also hosts the file dialogs and runs the file session (start, autosave).
import { useEffect, type ReactNode } from 'react';
import { useHost } from '../host/host-context.ts';
import { CommandButton } from '../commands/CommandButton.tsx';
import { selectDirty, useDesign } from '../store/design-store.ts';
import { useTheme } from '../theme/theme.ts';
import { LabCommands } from './LabCommands.tsx';
import { FileDialogs } from '../files/dialogs/FileDialogs.tsx';
import { displayPath, useFileUi } from '../files/file-ui.ts';
import { useFileSession } from './session.ts';
import './FileBar.css';

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
  useFileUi((s) => s.workspace); // paths are shown relative to it once known
  const theme = useTheme((s) => s.theme);

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
          <CommandButton id="new" icon="new" />
          <CommandButton id="open" icon="open" />
          <CommandButton id="save" icon="save" />
          <CommandButton id="save-as" icon="saveAs" />
          <CommandButton id="export" icon="export" />
        </Group>
        <Group label="Edit">
          <CommandButton id="undo" icon="undo" iconOnly />
          <CommandButton id="redo" icon="redo" iconOnly />
        </Group>
        <Group label="Canvas">
          <CommandButton id="layout" icon="layout" />
          <CommandButton id="fit" icon="fit" />
          <CommandButton id="export-png" icon="png" />
          <CommandButton id="export-svg" icon="svg" />
        </Group>
        <Group label="Lab">
          <LabCommands />
        </Group>
        <Group label="View">
          <CommandButton
            id="theme"
            icon={theme === 'dark' ? 'sun' : 'moon'}
            label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
            iconOnly
          />
        </Group>
      </nav>
      <FileDialogs />
    </div>
  );
}
