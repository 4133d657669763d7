// The shortcut sheet (? or F1): every command of the registry that has keys, by menu section,
// and the canvas gestures that are not commands.
import {
  COMMAND_IDS,
  COMMANDS,
  type CommandId,
  type CommandSection,
} from '../../../shared/commands.ts';
import { keyText } from '../commands/keys.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useOverlay } from '../store/overlays.ts';
import './shortcut-sheet.css';

const SECTIONS: CommandSection[] = ['File', 'Edit', 'View', 'Lab'];

// The four arrow commands read as one row.
const MOVES: readonly CommandId[] = ['move-left', 'move-right', 'move-up', 'move-down'];

const GESTURES: [string, string][] = [
  ['Add a node', 'Drag it from the palette, or click it there'],
  ['Connect two nodes', 'Drag from a node’s lower handle to another node'],
  ['Cancel a connection', 'Esc while dragging it'],
  ['Add to the selection', 'Shift, Ctrl or ⌘ and click'],
  ['Select an area', 'Shift and drag on the canvas'],
  ['Resize a panel', 'Drag its edge, or focus the edge and use the arrows'],
  ['Hide or show a panel', 'Double-click its edge, or Enter on it'],
];

export function ShortcutSheet() {
  const close = () => useOverlay.getState().show(null);
  return (
    <Dialog name="shortcuts" title="Keyboard shortcuts" onCancel={close} wide>
      <div className="shortcut-sheet">
        {SECTIONS.map((section) => {
          const ids = COMMAND_IDS.filter(
            (id) =>
              COMMANDS[id].section === section &&
              COMMANDS[id].keys.length > 0 &&
              !MOVES.slice(1).includes(id),
          );
          if (ids.length === 0) return null;
          return (
            <section key={section}>
              <h3>{section}</h3>
              <dl>
                {ids.map((id) =>
                  id === MOVES[0] ? (
                    <div key={id} className="shortcut" data-testid="shortcut-move">
                      <dt>Move the selection (Shift: further)</dt>
                      <dd className="keys">
                        {MOVES.map((m) => (
                          <kbd key={m}>{COMMANDS[m].keys.map((k) => keyText(k))[0]}</kbd>
                        ))}
                      </dd>
                    </div>
                  ) : (
                    <div key={id} className="shortcut" data-testid={`shortcut-${id}`}>
                      <dt>{COMMANDS[id].label}</dt>
                      <dd className="keys">
                        {COMMANDS[id].keys.map((k) => (
                          <kbd key={k}>{keyText(k)}</kbd>
                        ))}
                      </dd>
                    </div>
                  ),
                )}
              </dl>
            </section>
          );
        })}
        <section>
          <h3>Canvas</h3>
          <dl>
            {GESTURES.map(([what, how]) => (
              <div key={what} className="shortcut">
                <dt>{what}</dt>
                <dd>{how}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <p className="hint">
        Every command, with or without keys, is in the command palette ({keyText('Mod+K')}).
      </p>
    </Dialog>
  );
}
