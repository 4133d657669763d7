/** The design file a command line asks to open: the first argument ending in .yaml/.yml. */
export function designFromArgv(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => !a.startsWith('-') && /\.ya?ml$/i.test(a));
}
