// CodeMirror colours from the app's theme variables, so dark and light both work without a
// second theme: the highlight classes and the editor chrome read var(--...).
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName), t.labelName], color: 'var(--accent-2)' },
  { tag: [t.string, t.special(t.string), t.attributeValue], color: 'var(--ok)' },
  { tag: [t.number, t.integer, t.float, t.unit], color: 'var(--warning)' },
  { tag: [t.bool, t.null, t.atom, t.keyword, t.modifier], color: 'var(--accent)' },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator], color: 'var(--info)' },
  { tag: [t.function(t.variableName), t.function(t.name)], color: 'var(--info)' },
  { tag: [t.comment, t.lineComment, t.meta, t.documentMeta], color: 'var(--muted)' },
  { tag: t.invalid, color: 'var(--error)' },
  { tag: [t.bracket, t.punctuation, t.separator], color: 'var(--muted)' },
]);

const chrome = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--panel-2)',
    fontSize: '12px',
  },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
    lineHeight: '1.5',
  },
  '.cm-content': { caretColor: 'var(--text)' },
  '&.cm-focused': { outline: '1px solid var(--accent-2)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: 'color-mix(in srgb, var(--accent-2) 30%, transparent)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-2) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--text)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--panel)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent-2)',
    color: 'var(--panel)',
  },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--error)',
  },
});

/** Highlighting and chrome for every editor and viewer of the app. */
export const appTheme: Extension = [chrome, syntaxHighlighting(highlight)];
