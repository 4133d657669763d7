import { useFileUi } from '../file-ui.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { OpenDialog } from './OpenDialog.tsx';
import { SaveAsDialog } from './SaveAsDialog.tsx';
import { ConfirmDialog, ErrorsDialog, RecoveryDialog } from './SmallDialogs.tsx';
import { TemplatesDialog } from './TemplatesDialog.tsx';
import './dialogs.css';

/** The one file dialog open at a time. */
export function FileDialogs() {
  const d = useFileUi((s) => s.dialog);
  if (!d) return null;
  switch (d.kind) {
    case 'templates':
      return <TemplatesDialog />;
    case 'open':
      return <OpenDialog />;
    case 'save-as':
      return <SaveAsDialog {...(d.then ? { then: d.then } : {})} />;
    case 'export':
      return <ExportDialog />;
    case 'confirm':
      return <ConfirmDialog action={d.action} proceed={d.proceed} />;
    case 'recovery':
      return <RecoveryDialog recovery={d.recovery} />;
    case 'errors':
      return <ErrorsDialog {...d} />;
    case 'conflict':
      return <ConflictDialog {...d} />;
  }
}
