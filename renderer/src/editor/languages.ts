// Language support for the editors: YAML and JSON from @codemirror, PromQL from Prometheus's own
// CodeMirror package, used offline (no remote: it never reaches a Prometheus server).
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import type { Extension } from '@codemirror/state';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';

export type CodeLanguage = 'yaml' | 'json' | 'promql' | 'text';

let promql: Extension | null = null;

/** PromQL highlighting, its offline linter and completion of functions and keywords. */
function promqlSupport(): Extension {
  // No setComplete({ remote }): the complete strategy then knows only the language itself.
  promql ??= new PromQLExtension().asExtension();
  return promql;
}

export function languageFor(lang: CodeLanguage): Extension {
  switch (lang) {
    case 'yaml':
      return yaml();
    case 'json':
      return json();
    case 'promql':
      return promqlSupport();
    case 'text':
      return [];
  }
}

/** The viewer's language for a generated file. */
export function languageOfPath(path: string): CodeLanguage {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  return 'text';
}
