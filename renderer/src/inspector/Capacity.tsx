// A Prometheus node's capacity estimate, from the validation report.
import { useAnalysis } from '../analysis/analysis-store.ts';
import { formatBytes, formatCount } from './format.ts';

export function Capacity({ nodeId }: { nodeId: string }) {
  const c = useAnalysis((s) => s.capacityById.get(nodeId));
  if (!c) return null;
  const rows: [string, string][] = [
    ['Servers', String(c.instances)],
    ['Targets / server', formatCount(Math.round(c.targetsPerInstance))],
    ['Series / server', `${formatCount(Math.round(c.seriesPerInstance))} series`],
    ['Samples / s', formatCount(Math.round(c.samplesPerSecondPerInstance))],
    ['Head memory', formatBytes(c.memoryBytesPerInstance)],
  ];
  return (
    <section className="capacity" data-testid="capacity" aria-label="Capacity estimate">
      <div className="section-title">Capacity estimate (per server)</div>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k} className="capacity-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="field-hint">
        {formatCount(Math.round(c.scrapedSeriesPerInstance))} scraped,{' '}
        {formatCount(Math.round(c.federatedSeriesPerInstance))} federated,{' '}
        {formatCount(Math.round(c.recordedSeriesPerInstance))} recorded; about 3 kB of head memory
        per series.
      </div>
    </section>
  );
}
