// The lab commands (Launch, Stop, Status, Logs) through the host, and the polling that keeps the
// lab store current: launch progress every 500 ms while a launch runs, status every 3 s while a lab
// runs. The toolbar, the Lab menu and the panel all call these.
import type { HostApi } from '../../../shared/host-api.ts';
import { boundHost, designText } from '../files/file-actions.ts';
import { hostError } from '../files/file-ui.ts';
import { designStore } from '../store/design-store.ts';
import { addEvents, useLab, type LabTab } from './lab-store.ts';
import { labSummary } from './lab-view.ts';
import { counted } from '../../../shared/plural.ts';

const PROGRESS_POLL_MS = 500;
const STATUS_POLL_MS = 3000;
const LOG_LINES = 300;

const notify = (text: string, kind: 'info' | 'error' = 'info') =>
  designStore.getState().notify(text, kind);

function host(): HostApi | null {
  const h = boundHost();
  if (!h) notify('The lab needs the app’s host, which is not connected', 'error');
  return h;
}

let progressTimer: ReturnType<typeof setTimeout> | null = null;
let statusTimer: ReturnType<typeof setTimeout> | null = null;

export function showLabTab(tab: LabTab): void {
  useLab.setState({ tab });
}

/** Launches the design's lab; progress arrives by polling. */
export async function launchLab(): Promise<void> {
  const h = host();
  if (!h) return;
  const lab = useLab.getState();
  if (lab.starting || lab.stopping) return;
  const text = designText(designStore.getState().topology);
  if (!text.ok) {
    notify(text.message, 'error');
    return;
  }
  try {
    const started = await h.labUp({ text: text.value });
    useLab.setState({
      name: started.name,
      starting: true,
      planned: started.nodes,
      events: [],
      error: null,
      statusError: null,
      tab: 'progress',
    });
    notify(`Launching the lab ${started.name}…`);
    pollProgress();
    scheduleStatus(0);
  } catch (e) {
    notify(`Cannot launch the lab: ${hostError(e).message}`, 'error');
  }
}

function pollProgress(): void {
  if (progressTimer) clearTimeout(progressTimer);
  progressTimer = setTimeout(() => {
    progressTimer = null;
    void progressOnce();
  }, PROGRESS_POLL_MS);
}

async function progressOnce(): Promise<void> {
  const h = boundHost();
  if (!h) return;
  try {
    const p = await h.labProgress({ since: useLab.getState().lastSeq });
    addEvents(p.events);
    if (p.running) {
      pollProgress();
      return;
    }
    useLab.setState({ starting: false, error: p.error ?? null });
    if (p.error) notify(`The lab did not start: ${firstLine(p.error.message)}`, 'error');
    else {
      notify(`The lab ${p.name ?? ''} is up`);
      useLab.setState({ tab: 'instances' });
    }
    await refreshLabStatus();
  } catch (e) {
    // The host went away for a moment: try again, the launch goes on without us.
    useLab.setState({ statusError: hostError(e).message });
    pollProgress();
  }
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;

/** Asks the host for the lab's status once; keeps polling while a lab runs. */
export async function refreshLabStatus(name?: string): Promise<void> {
  const h = boundHost();
  const lab = name ?? useLab.getState().name ?? designStore.getState().topology.metadata.name;
  if (!h) return;
  try {
    const status = await h.labStatus({ name: lab });
    // A different lab may have been chosen while the answer was on its way.
    if ((useLab.getState().name ?? lab) !== lab) return;
    useLab.setState({ name: lab, status, statusError: null });
  } catch (e) {
    if ((useLab.getState().name ?? lab) !== lab) return;
    useLab.setState({ name: lab, statusError: hostError(e).message });
  }
  const s = useLab.getState();
  if (s.status || s.starting) scheduleStatus(STATUS_POLL_MS);
}

function scheduleStatus(ms: number): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    statusTimer = null;
    void refreshLabStatus();
  }, ms);
}

/** Shows the lab of the design now open (another document, a renamed design). */
export function followDesign(name: string): void {
  const s = useLab.getState();
  if (s.starting || s.stopping || s.name === name) return;
  useLab.setState({ name, status: null, statusError: null, events: [], error: null, logs: null });
  void refreshLabStatus(name);
}

export function openStopDialog(): void {
  const s = useLab.getState();
  if (s.starting || s.stopping) return;
  useLab.setState({ stopDialog: true });
}

export function closeStopDialog(): void {
  useLab.setState({ stopDialog: false });
}

/** Stops the lab shown: containers and network, and volumes and its folder when asked. */
export async function stopLab(volumes: boolean): Promise<void> {
  const h = host();
  const s = useLab.getState();
  const name = s.name ?? designStore.getState().topology.metadata.name;
  useLab.setState({ stopDialog: false });
  if (!h || s.starting || s.stopping) return;
  useLab.setState({ stopping: true, tab: 'progress' });
  try {
    const r = await h.labDown({ name, volumes });
    const p = await h.labProgress({ since: useLab.getState().lastSeq }).catch(() => null);
    if (p) addEvents(p.events);
    useLab.setState({ status: null, statusError: null, logs: null, planned: [] });
    notify(
      `Stopped the lab ${name}: ${counted(r.containers, 'container')}` +
        (volumes ? ` and ${counted(r.volumes, 'volume')}` : '') +
        ' removed',
    );
  } catch (e) {
    notify(`Cannot stop the lab: ${hostError(e).message}`, 'error');
  } finally {
    useLab.setState({ stopping: false });
  }
}

/** The Lab menu's Status: a fresh status, the instances tab, and a one-line summary. */
export async function showLabStatus(): Promise<void> {
  await refreshLabStatus();
  const s = useLab.getState();
  useLab.setState({ tab: 'instances' });
  document.querySelector('[data-testid="lab-panel"]')?.scrollIntoView({ block: 'nearest' });
  if (s.statusError) notify(`Lab status: ${s.statusError}`, 'error');
  else if (!s.status) notify(`No lab is running for ${s.name ?? 'this design'}`);
  else {
    const n = labSummary(s.status, s.starting);
    notify(
      `Lab ${s.name}: ${n.healthy}/${counted(n.instances, 'container')} healthy, ${n.edgesUp}/${counted(n.edges, 'edge')} up`,
    );
  }
}

/** Loads the last lines of one container's log into the Logs tab. */
export async function showLogs(instance: string): Promise<void> {
  const h = host();
  const name = useLab.getState().name;
  if (!h || !name) return;
  useLab.setState((s) => ({
    tab: 'logs',
    logs: {
      instance,
      text: s.logs?.instance === instance ? s.logs.text : '',
      loading: true,
      error: null,
    },
  }));
  try {
    const { text } = await h.labLogs({ name, instance, lines: LOG_LINES });
    useLab.setState({ logs: { instance, text, loading: false, error: null } });
  } catch (e) {
    useLab.setState({ logs: { instance, text: '', loading: false, error: hostError(e).message } });
  }
}
