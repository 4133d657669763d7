// Helpers of the lab's integration tests and benchmark: whether a Docker engine and the local test
// images are there (CI must have them: .ci/docker.sh), and bounded polling of a lab's HTTP APIs.
import Docker from 'dockerode';
import { z } from 'zod';
import { labContainers, labNetworks, labVolumes, withTimeout } from './docker.ts';
import { getJson } from './probe.ts';

/** The images scripts/lab-test-images.sh builds, as FEDSTUDIO_IMAGE_<KEY> overrides. */
export const TEST_IMAGES: Record<string, string> = {
  FEDSTUDIO_IMAGE_PROMETHEUS: 'fedstudio-test/prometheus:local',
  FEDSTUDIO_IMAGE_ALERTMANAGER: 'fedstudio-test/alertmanager:local',
  FEDSTUDIO_IMAGE_NODE_EXPORTER: 'fedstudio-test/node-exporter:local',
  FEDSTUDIO_IMAGE_BLACKBOX: 'fedstudio-test/blackbox:local',
};

/** Why lab tests cannot run here, or null when they can. */
export async function labUnavailable(): Promise<string | null> {
  const docker = new Docker();
  try {
    await withTimeout(docker.ping(), 5_000, 'the Docker engine');
  } catch (e) {
    return `no Docker engine answers (${e instanceof Error ? e.message : String(e)}); run .ci/docker.sh`;
  }
  for (const image of Object.values(TEST_IMAGES)) {
    try {
      await docker.getImage(image).inspect();
    } catch {
      return `the test image ${image} is missing; run scripts/lab-test-images.sh`;
    }
  }
  return null;
}

/** In CI a missing engine or image fails the suite; elsewhere the suite is skipped, saying why. */
export async function skipLabTests(): Promise<boolean> {
  const why = await labUnavailable();
  if (why === null) return false;
  if (process.env.CI) throw new Error(`lab integration tests need Docker in CI: ${why}`);
  console.warn(`SKIPPED: lab integration tests: ${why}`);
  return true;
}

/** Everything still carrying the lab's label. */
export async function leftovers(lab: string): Promise<string[]> {
  const docker = new Docker();
  return [
    ...(await labContainers(docker, lab)).map((c) => `container ${c.Names[0] ?? c.Id}`),
    ...(await labNetworks(docker, lab)).map((n) => `network ${n}`),
    ...(await labVolumes(docker, lab)).map((v) => `volume ${v}`),
  ];
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` with the last reason. */
export async function eventually<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() >= deadline) throw new Error(`${what} within ${timeoutMs / 1000}s: ${last}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

const QueryAnswer = z.object({
  status: z.literal('success'),
  data: z.object({
    result: z.array(z.object({ metric: z.record(z.string(), z.string()) })),
  }),
});

/** The label sets of an instant query's result. */
export async function queryLabels(base: string, query: string): Promise<Record<string, string>[]> {
  const answer = await getJson(
    `${base}/api/v1/query?query=${encodeURIComponent(query)}`,
    QueryAnswer,
  );
  return answer.data.result.map((r) => r.metric);
}

const AmStatus = z.object({
  cluster: z.object({ status: z.string(), peers: z.array(z.object({ name: z.string() })) }),
});

export async function alertmanagerPeers(base: string): Promise<number> {
  return (await getJson(`${base}/api/v2/status`, AmStatus)).cluster.peers.length;
}
