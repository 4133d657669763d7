// One CodeMirror editor for the whole app: read-only viewers of generated files, the inspector's
// YAML editor and its PromQL inputs. The parent owns the text; the editor reports edits.
import { useEffect, useRef } from 'react';
import { autocompletion } from '@codemirror/autocomplete';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  lineNumbers,
  placeholder as placeholderExt,
  drawSelection,
} from '@codemirror/view';
import { editingKeys, singleLineFilter } from './commands.ts';
import { languageFor, type CodeLanguage } from './languages.ts';
import { appTheme } from './theme.ts';
import './editor.css';

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  readOnly?: boolean;
  lineNumbers?: boolean;
  /** Enter commits instead of breaking the line; newlines are kept out. */
  singleLine?: boolean;
  wrap?: boolean;
  placeholder?: string;
  /** Set on the editable element, so tests can type into it. */
  testId?: string;
  ariaLabel?: string;
  className?: string;
  invalid?: boolean;
  onChange?(text: string): void;
  /** Blur, or Enter when single-line. */
  onCommit?(text: string): void;
  /** Mod-Enter; onCommit when not given. */
  onSubmit?(text: string): void;
}

export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const langSlot = useRef(new Compartment());
  // Callbacks change every render; the editor reads the latest through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const { language, readOnly = false, singleLine = false, wrap = false } = props;
  const showLines = props.lineNumbers ?? false;
  const { placeholder, testId, ariaLabel } = props;

  useEffect(() => {
    if (!host.current) return;
    const text = () => view.current?.state.doc.toString() ?? '';
    const commit = () => latest.current.onCommit?.(text());
    const submit = () => (latest.current.onSubmit ?? latest.current.onCommit)?.(text());
    const extensions: Extension[] = [
      appTheme,
      langSlot.current.of(languageFor(language)),
      EditorState.readOnly.of(readOnly),
      EditorView.editable.of(!readOnly),
      EditorView.contentAttributes.of({
        ...(testId ? { 'data-testid': testId } : {}),
        ...(ariaLabel ? { 'aria-label': ariaLabel } : {}),
        spellcheck: 'false',
      }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) latest.current.onChange?.(u.state.doc.toString());
        if (u.focusChanged && !u.view.hasFocus) commit();
      }),
    ];
    if (showLines) extensions.push(lineNumbers(), highlightActiveLineGutter());
    if (wrap || singleLine) extensions.push(EditorView.lineWrapping);
    if (!readOnly) {
      extensions.push(
        drawSelection(),
        editingKeys({ singleLine, commit, submit }),
        autocompletion({ activateOnTyping: true }),
      );
      if (showLines) extensions.push(highlightActiveLine());
    }
    if (singleLine) extensions.push(singleLineFilter);
    if (placeholder) extensions.push(placeholderExt(placeholder));
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: latest.current.value, extensions }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The language is swapped through its compartment below, not by rebuilding.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly, singleLine, wrap, showLines, placeholder, testId, ariaLabel]);

  useEffect(() => {
    view.current?.dispatch({ effects: langSlot.current.reconfigure(languageFor(language)) });
  }, [language]);

  // Text from outside (another file, an undo): replace the document when it differs.
  const { value } = props;
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) {
      v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
    }
  }, [value]);

  const cls = ['code-editor', props.className, props.invalid ? 'code-editor-invalid' : '']
    .filter(Boolean)
    .join(' ');
  return <div ref={host} className={cls} />;
}
