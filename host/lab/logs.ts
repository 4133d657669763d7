// `logs`: the last lines one container of a lab wrote, found by the lab's and instance's labels.
import { INSTANCE_LABEL } from '../../shared/lab/types.ts';
import { explainDockerError, fromDocker } from './docker-errors.ts';
import { type Docker, connectDocker, labContainers, lastLogLines } from './docker.ts';

export interface LogsOptions {
  /** How many lines from the end (default 200). */
  lines?: number;
  docker?: Docker;
}

/** The container's last lines (stdout and stderr), or null when the lab has no such instance. */
export async function logs(
  name: string,
  instance: string,
  opts: LogsOptions = {},
): Promise<string | null> {
  const docker = await connectDocker(opts.docker);
  try {
    const found = (await labContainers(docker, name)).find(
      (c) => c.Labels?.[INSTANCE_LABEL] === instance,
    );
    if (!found) return null;
    return await lastLogLines(docker, found.Id, opts.lines ?? 200);
  } catch (e) {
    throw fromDocker(e) ? explainDockerError(e, { action: 'read' }) : e;
  }
}
