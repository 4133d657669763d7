// A toolbar button for a command of the table: its label, its keys in the title, disabled while
// the command cannot run. Tests find it by `cmd-<id>`.
import type { ReactNode } from 'react';
import { commandSpec, type CommandId } from '../../../shared/commands.ts';
import { Icon } from '../ui/icons.tsx';
import { runCommand } from './dispatch.ts';
import { commandTitle } from './keys.ts';
import { useCommandEnabled } from './use-command.ts';

export function CommandButton(p: {
  id: CommandId;
  /** One of the toolbar's icons... */
  icon?: Parameters<typeof Icon>[0]['name'];
  /** ...or a drawing of its own. */
  glyph?: ReactNode;
  /** The button's text when it differs from the table's (a state: "Starting…"). */
  label?: string;
  /** The title when it says more than the table's label. */
  title?: string;
  iconOnly?: boolean;
}) {
  const enabled = useCommandEnabled(p.id);
  const spec = commandSpec(p.id);
  const label = p.label ?? spec.short ?? spec.label;
  return (
    <button
      type="button"
      className={p.iconOnly ? 'cmd cmd-icon' : 'cmd'}
      data-testid={`cmd-${p.id}`}
      title={commandTitle(p.id, p.title ?? (p.iconOnly ? label : spec.label))}
      aria-label={p.iconOnly ? label : undefined}
      disabled={!enabled}
      onClick={() => runCommand(p.id)}
    >
      {p.icon !== undefined ? <Icon name={p.icon} /> : p.glyph}
      {!p.iconOnly && <span>{label}</span>}
    </button>
  );
}
