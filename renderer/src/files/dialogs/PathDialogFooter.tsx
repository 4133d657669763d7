import type { ReactNode } from 'react';

/**
 * The footer of the dialogs that take a path (open, save as, export): the native picker where the
 * host has one, Cancel, and the primary button that submits the dialog's form.
 */
export function PathDialogFooter(props: {
  native: { label: string; onPick: () => void } | null;
  busy: boolean;
  form: string;
  canSubmit: boolean;
  onCancel: () => void;
  submit: ReactNode;
}) {
  return (
    <>
      {props.native && (
        <button type="button" disabled={props.busy} onClick={props.native.onPick}>
          {props.native.label}
        </button>
      )}
      <span className="spacer" />
      <button type="button" data-testid="dialog-cancel" onClick={props.onCancel}>
        Cancel
      </button>
      <button
        type="submit"
        form={props.form}
        className="primary"
        data-testid="dialog-ok"
        disabled={props.busy || !props.canSubmit}
      >
        {props.submit}
      </button>
    </>
  );
}
