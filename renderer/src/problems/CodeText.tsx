// Text with `code spans` as RULES.md and the findings write them: the spans in monospace, the
// backticks gone.
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves the last one as written.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : p))}</>;
}
