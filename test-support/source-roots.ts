/** The folders whose modules import one another: everything that ships or tests what ships. */
export const SOURCE_ROOTS = [
  'shared',
  'host',
  'cli',
  'electron',
  'renderer/src',
  'test-support',
  'bench',
  'templates',
  'scripts',
  'e2e',
] as const;
