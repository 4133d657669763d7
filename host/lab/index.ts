// The lab runner: the one Node service that turns a LabPlan into Docker calls, shared by
// the CLI, the Electron main process and the web host.
export { up, type UpOptions, type UpResult } from './up.ts';
export { status, waitForEdges, type StatusOptions, type WaitEdgesOptions } from './status.ts';
export { down, type DownOptions, type DownResult } from './down.ts';
export { logs, type LogsOptions } from './logs.ts';
export { LabError, type LabErrorCode } from './errors.ts';
export { acquireLabLock, lockHolder, busyMessage, type LabLock, type LockHolder } from './lock.ts';
export { labDir } from './folder.ts';
export type { LabEvent, LabStatus, InstanceStatus, EdgeStatus } from '../../shared/lab/reports.ts';
