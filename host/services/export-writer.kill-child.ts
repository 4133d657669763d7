// Run in a child process by export-writer.kill.test.ts: exports a prepared file tree (JSON), so
// the test can kill it at any point of the write.
import { readFileSync } from 'node:fs';
import type { FileTree } from '../../shared/generate/types.ts';
import { writeExport } from './export-writer.ts';

const [treeFile, out] = process.argv.slice(2);
const files = JSON.parse(readFileSync(treeFile ?? '', 'utf8')) as FileTree;
process.stdout.write('writing\n');
await writeExport(out ?? '', files);
process.stdout.write('done\n');
