// What `--format` can say: text and json on every command; validate also speaks to CI.
export type Format = 'text' | 'json';
/** validate's extra formats, for CI: code scanning (SARIF) and GitHub workflow annotations. */
export type ReportFormat = Format | 'sarif' | 'github';
