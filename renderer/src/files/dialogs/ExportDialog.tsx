import { useMemo, useState } from 'react';
import type { ExportTarget } from '../../../../shared/export-target.ts';
import type { HostResult } from '../../../../shared/host-api.ts';
import { validate } from '../../../../shared/validate/engine.ts';
import { RULES } from '../../../../shared/validate/rules/index.ts';
import { PathDialogFooter } from './PathDialogFooter.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { useDesign } from '../../store/design-store.ts';
import { exportTo, type Failure } from '../file-actions.ts';
import { displayPath, useFileUi } from '../file-ui.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

type Done = NonNullable<HostResult<'exportConfigs'>>;

/** Export configs into a folder of the workspace; shows what was written and what to fill in. */
export function ExportDialog() {
  const hostKind = useFileUi((s) => s.hostKind);
  const workspace = useFileUi((s) => s.workspace);
  const name = useDesign((s) => s.topology.metadata.name);
  const [dir, setDir] = useState(`${name || 'design'}-export`);
  const [force, setForce] = useState(false);
  const [target, setTarget] = useState<ExportTarget>('compose');
  const [exported, setExported] = useState<ExportTarget>('compose');
  const topology = useDesign((s) => s.topology);
  // Findings that only matter on the chosen target (the canvas shows the others all the time).
  const targetFindings = useMemo(() => {
    const rules = RULES.filter((r) => r.target === target);
    return rules.length > 0 ? validate(topology, rules, { target }).findings : [];
  }, [topology, target]);
  const [error, setError] = useState<Failure | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useFileUi.getState().show(null);

  const run = async (outDir?: string) => {
    setBusy(true);
    setError(null);
    const r = await exportTo(outDir, force, target);
    setBusy(false);
    if (!r.ok) setError(r);
    else if (r.value) {
      setExported(target);
      setDone(r.value);
    }
  };

  if (done) {
    return (
      <Dialog
        name="export"
        title="Configs exported"
        onCancel={close}
        footer={
          <button type="button" className="primary" data-testid="dialog-ok" onClick={close}>
            Close
          </button>
        }
      >
        <div data-testid="export-result">
          <p>
            Wrote <strong>{done.written}</strong> files to <code>{displayPath(done.outDir)}</code>.
            Its README.md says what each file is and how to{' '}
            {exported === 'kubernetes' ? 'apply it (kubectl apply -k)' : 'run it'}.
          </p>
          {done.replaced.length > 0 && (
            <p className="dialog-warn" data-testid="export-replaced">
              Replaced files fedstudio had not written (or that were edited since):{' '}
              {done.replaced.join(', ')}
            </p>
          )}
          {done.removed.length > 0 && (
            <p className="hint" data-testid="export-removed">
              Removed what the design no longer generates: {done.removed.join(', ')}
            </p>
          )}
          {done.kept.length > 0 && <p className="hint">Kept from before: {done.kept.join(', ')}</p>}
          {done.notes.map((n) => (
            <p className="hint" key={n}>
              {n}
            </p>
          ))}
          {done.vars.length > 0 ? (
            <>
              <p>
                {exported === 'kubernetes'
                  ? 'Create the Secret with these keys (see secret.example.yaml) before applying it:'
                  : 'Set these variables (in .env) before starting it:'}
              </p>
              <ul className="var-list" data-testid="export-vars">
                {done.vars.map((v) => (
                  <li key={v}>
                    <code>{v}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="hint">No variables to set.</p>
          )}
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      name="export"
      title="Export configs"
      onCancel={close}
      footer={
        <PathDialogFooter
          native={
            hostKind === 'electron' ? { label: 'Choose folder…', onPick: () => void run() } : null
          }
          busy={busy}
          form="export-form"
          canSubmit={dir.trim() !== ''}
          onCancel={close}
          submit={busy ? 'Exporting…' : 'Export'}
        />
      }
    >
      <form
        id="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (dir.trim()) void run(dir.trim());
        }}
      >
        <fieldset className="field" data-testid="export-target">
          <legend>Target</legend>
          <label className="check">
            <input
              type="radio"
              name="export-target"
              value="compose"
              data-testid="export-target-compose"
              checked={target === 'compose'}
              onChange={() => setTarget('compose')}
            />
            One machine: docker-compose
          </label>
          <label className="check">
            <input
              type="radio"
              name="export-target"
              value="kubernetes"
              data-testid="export-target-kubernetes"
              checked={target === 'kubernetes'}
              onChange={() => setTarget('kubernetes')}
            />
            Kubernetes with the Prometheus Operator (Kustomize)
          </label>
        </fieldset>
        <p className="hint">
          {target === 'kubernetes'
            ? 'Prometheus, Alertmanager, ScrapeConfig and PrometheusRule resources, workloads for the rest, a base and an overlay per cluster group, with a README.'
            : 'prometheus.yml per server, rule files, alertmanager.yml, Grafana provisioning and docker-compose.yml, with a README.'}
        </p>
        <label className="field">
          Folder (in the workspace {workspace || '.'})
          <input
            type="text"
            data-testid="path-input"
            value={dir}
            spellCheck={false}
            onChange={(e) => setDir(e.target.value)}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="export-force"
            checked={force}
            onChange={(e) => setForce(e.target.checked)}
          />
          Export into a folder not made by fedstudio, replacing files at generated names (every
          other file is kept)
        </label>
        {targetFindings.length > 0 && (
          <div data-testid="export-target-findings">
            <p className="hint">To check on this target:</p>
            <ul>
              {targetFindings.map((f) => (
                <li key={`${f.rule}:${f.message}`}>
                  <code>{f.rule}</code> {f.message} — {f.fix}
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
      {error && <ErrorBox message={error.message} details={error.details} />}
      {error?.code === 'refused' && !force && (
        <p className="hint">
          Tick “Export into a folder not made by fedstudio” to export into it anyway, or choose
          another folder.
        </p>
      )}
    </Dialog>
  );
}
