// Which program a container runs: the image's own ENTRYPOINT (read with `docker image inspect`),
// given the plan's arguments. The lab never assumes where an image keeps its program, so an image
// built another way (another path, a wrapper script) runs as its maker meant.
import { z } from 'zod';
import type { LabContainer } from '../../shared/lab/types.ts';
import { imageOverride } from './docker-errors.ts';
import { LabError } from './errors.ts';

/** An image's default launch: ENTRYPOINT and CMD, each possibly absent. */
export interface ImageLaunch {
  entrypoint: string[];
  cmd: string[];
}

// Docker answers null, a list, or (old images) a single string.
const Words = z
  .union([z.array(z.string()), z.string(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v));

const ImageInspect = z.object({
  Config: z.object({ Entrypoint: Words, Cmd: Words }).nullish(),
});

/** The launch of an image from its inspect answer. */
export function imageLaunch(inspect: unknown): ImageLaunch {
  const parsed = ImageInspect.safeParse(inspect);
  const config = parsed.success ? parsed.data.Config : undefined;
  return { entrypoint: config?.Entrypoint ?? [], cmd: config?.Cmd ?? [] };
}

/** Entrypoint and Cmd for Docker's create call: only what must differ from the image. */
export function containerLaunch(
  c: LabContainer,
  image: ImageLaunch,
): { Entrypoint?: string[]; Cmd?: string[] } {
  // A script the plan must run (e.g. an object store's bucket setup) replaces the entrypoint.
  if (c.entrypoint) return { Entrypoint: c.entrypoint, ...(c.command ? { Cmd: c.command } : {}) };
  if (!c.command) return {};
  if (image.entrypoint.length > 0) return { Cmd: c.command };
  // No ENTRYPOINT: the program is the first word of the image's CMD, and the rest its defaults.
  const program = image.cmd[0];
  if (program === undefined) {
    throw new LabError(
      'image-unusable',
      `${c.instance} (image ${c.image}) cannot be run: the image has neither an ENTRYPOINT nor a ` +
        `CMD, so nothing says which program takes its arguments. To fix: use ${imageOverride(c)}.`,
      c.instance,
    );
  }
  return { Cmd: [program, ...c.command] };
}
