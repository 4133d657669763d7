// The few editing keys the editors need, written here (the app does not ship @codemirror/commands):
// newline keeping the line's indentation, Tab as two spaces, and a commit key.
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { keymap, type Command } from '@codemirror/view';

const newlineKeepingIndent: Command = (view) => {
  const { state } = view;
  view.dispatch(
    state.changeByRange((range) => {
      const line = state.doc.lineAt(range.from);
      const indent = /^[ \t]*/.exec(line.text)?.[0] ?? '';
      // After `key:` or `- key:` YAML wants one level deeper.
      const before = line.text.slice(0, range.from - line.from);
      const extra = /:\s*$/.test(before) ? '  ' : '';
      const insert = `\n${indent}${extra}`;
      return {
        changes: { from: range.from, to: range.to, insert },
        range: EditorSelection.cursor(range.from + insert.length),
      };
    }),
  );
  return true;
};

const insertTwoSpaces: Command = (view) => {
  view.dispatch(view.state.replaceSelection('  '));
  return true;
};

/** Enter: newline (multi-line) or commit (single line); Mod-Enter commits either way. */
export function editingKeys(opts: {
  singleLine: boolean;
  commit: () => void;
  submit: () => void;
}): Extension {
  const commit: Command = () => {
    opts.commit();
    return true;
  };
  const submit: Command = () => {
    opts.submit();
    return true;
  };
  const blur: Command = (view) => {
    view.contentDOM.blur();
    return true;
  };
  return keymap.of([
    { key: 'Mod-Enter', run: submit },
    { key: 'Enter', run: opts.singleLine ? commit : newlineKeepingIndent },
    ...(opts.singleLine ? [{ key: 'Escape', run: blur }] : [{ key: 'Tab', run: insertTwoSpaces }]),
  ]);
}

/** Keeps a single-line editor single-line: pasted newlines become spaces. */
export const singleLineFilter: Extension = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.newDoc.lines <= 1) return tr;
  const text = tr.newDoc.toString().replace(/\r?\n/g, ' ');
  return [tr, { changes: { from: 0, to: tr.newDoc.length, insert: text }, sequential: true }];
});
