// `npm run check:cycles`: lists import cycles between files and between feature folders; exit 1
// when there is any.
import { fileURLToPath } from 'node:url';
import { findCycles, folderGraph, formatCycles } from '../test-support/import-cycles.ts';
import { readImportGraph } from '../test-support/import-graph.ts';
import { SOURCE_ROOTS } from '../test-support/source-roots.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const graph = readImportGraph(root, SOURCE_ROOTS);
const folders = folderGraph(graph);
const fileCycles = findCycles(graph.files, graph.edges);
const folderCycles = findCycles(folders.nodes, folders.edges);
const report = [formatCycles('file cycle', fileCycles), formatCycles('folder cycle', folderCycles)]
  .filter((s) => s !== '')
  .join('\n');
console.log(
  `${graph.files.length} files, ${graph.edges.length} imports (${graph.edges.filter((e) => e.typeOnly).length} for types only)`,
);
if (report !== '') {
  console.log(report);
  console.log(`${fileCycles.length} file cycles, ${folderCycles.length} folder cycles`);
  process.exitCode = 1;
} else {
  console.log('no import cycles');
}
