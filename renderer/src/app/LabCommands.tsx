// The toolbar's Launch and Stop buttons (next to the file commands), and the Stop dialog with its
// "remove volumes" option. They look like the FileBar's own commands (its .cmd classes).
import { useState } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { CommandButton } from '../commands/CommandButton.tsx';
import { closeStopDialog, stopLab } from '../lab/lab-actions.ts';
import { useLab } from '../lab/lab-store.ts';

const ICON = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.3,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  className: 'icon',
};

const PlayIcon = () => (
  <svg {...ICON}>
    <path d="M4.5 2.8v10.4L13 8z" />
  </svg>
);
const StopIcon = () => (
  <svg {...ICON}>
    <rect x="3.5" y="3.5" width="9" height="9" rx="1" />
  </svg>
);

export function LabCommands() {
  const starting = useLab((s) => s.starting);
  const stopping = useLab((s) => s.stopping);
  const running = useLab((s) => s.status !== null);
  const stopDialog = useLab((s) => s.stopDialog);
  return (
    <>
      <CommandButton
        id="lab-up"
        glyph={<PlayIcon />}
        label={starting ? 'Starting…' : undefined}
        title={
          running
            ? 'Launch the lab again: containers whose config changed are recreated'
            : 'Launch the design as a local lab on Docker'
        }
      />
      <CommandButton
        id="lab-down"
        glyph={<StopIcon />}
        label={stopping ? 'Stopping…' : undefined}
        title="Stop the lab: remove its containers and network"
      />
      {stopDialog && <StopLabDialog />}
    </>
  );
}

function StopLabDialog() {
  const name = useLab((s) => s.name);
  const [volumes, setVolumes] = useState(false);
  return (
    <Dialog
      name="lab-down"
      title={`Stop the lab ${name ?? ''}`}
      onCancel={closeStopDialog}
      footer={
        <>
          <button type="button" data-testid="dialog-cancel" onClick={closeStopDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            data-testid="dialog-ok"
            onClick={() => void stopLab(volumes)}
          >
            Stop lab
          </button>
        </>
      }
    >
      <p>Removes the lab’s containers and its network. The design is not touched.</p>
      <label className="lab-check">
        <input
          type="checkbox"
          data-testid="lab-volumes"
          checked={volumes}
          onChange={(e) => setVolumes(e.target.checked)}
        />
        <span>Also remove its volumes and generated files (the lab’s stored data is lost)</span>
      </label>
    </Dialog>
  );
}
