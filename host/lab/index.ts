// The lab runner: the one Node service that turns a LabPlan into Docker calls, shared by
// the CLI, the Electron main process and the web host.
export { up } from './up.ts';
export { status, waitForEdges } from './status.ts';
export { down } from './down.ts';
export { logs } from './logs.ts';
export { LabError } from './errors.ts';
export { acquireLabLock, lockHolder, busyMessage } from './lock.ts';
