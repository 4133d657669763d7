// `npm run bench`: how fast the core handles big designs. Figures go to stdout and bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateExport } from '../shared/generate/index.ts';
import { parseTopology } from '../shared/design/parse.ts';
import { serializeTopology } from '../shared/model/serialize.ts';
import { validate } from '../shared/validate/engine.ts';
import { bigFederation } from './designs.ts';

interface Figure {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  detail?: string;
}

function measure(name: string, runs: number, fn: () => unknown, detail?: string): Figure {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    runs,
    medianMs: round(times[Math.floor(times.length / 2)] ?? 0),
    minMs: round(times[0] ?? 0),
    ...(detail ? { detail } : {}),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

const design = bigFederation(100, 10, 10); // 1,000 Prometheus servers, 10,000 target groups
const text = serializeTopology(design);
const parsed = parseTopology(text);
if (!parsed.ok)
  throw new Error(`bench design does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
const exported = generateExport(parsed.topology);
const bytes = Object.values(exported.files).reduce((n, f) => n + f.length, 0);
const what = `${design.nodes.length} nodes, ${design.edges?.length ?? 0} edges, ${(text.length / 1e6).toFixed(1)} MB of YAML`;

const figures: Figure[] = [
  measure(
    'parseTopology (1,000 Prometheus, 10,000 target groups)',
    5,
    () => parseTopology(text),
    what,
  ),
  measure(
    'generateExport (same design)',
    5,
    () => generateExport(parsed.topology, { designText: text }),
    `${Object.keys(exported.files).length} files, ${(bytes / 1e6).toFixed(1)} MB`,
  ),
  measure(
    'validate (same design, every rule)',
    5,
    () => validate(parsed.topology),
    `${validate(parsed.topology).findings.length} findings`,
  ),
  measure('serializeTopology (same design)', 5, () => serializeTopology(parsed.topology)),
];
const [parseFig, , validateFig] = figures;
const ratio =
  parseFig && validateFig
    ? Math.round((validateFig.medianMs / parseFig.medianMs) * 100) / 100
    : NaN;

const width = Math.max(...figures.map((f) => f.name.length));
process.stdout.write(`Node ${process.version}, ${new Date().toISOString()}\n`);
for (const f of figures) {
  process.stdout.write(
    `${f.name.padEnd(width)}  median ${String(f.medianMs).padStart(8)} ms  min ${String(f.minMs).padStart(8)} ms  (${f.runs} runs)${f.detail ? `  ${f.detail}` : ''}\n`,
  );
}
process.stdout.write(`validate / parse ratio: ${ratio} (aim: at most 1)\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify(
    { node: process.version, at: new Date().toISOString(), figures, validateToParseRatio: ratio },
    null,
    2,
  ) + '\n',
);
