// The pinned upstream images, gathered from the kind modules: each kind pins what it runs.
import { IMAGE_KEYS, type ImageKey } from '../model/schema.ts';
import { NODE_KINDS } from './nodes.ts';

function gather(): Record<ImageKey, string> {
  const found = new Map<ImageKey, string>();
  for (const m of Object.values(NODE_KINDS)) {
    for (const [key, image] of Object.entries(m.images) as [ImageKey, string][]) {
      if (found.has(key)) throw new Error(`two node kinds pin the image "${key}"`);
      found.set(key, image);
    }
  }
  const missing = IMAGE_KEYS.filter((k) => !found.has(k));
  if (missing.length > 0) throw new Error(`no node kind pins the image(s) ${missing.join(', ')}`);
  return Object.fromEntries(IMAGE_KEYS.map((k) => [k, found.get(k)])) as Record<ImageKey, string>;
}

/**
 * Upstream images, pinned. A design's `images:` and, in the lab, FEDSTUDIO_IMAGE_<KEY> environment
 * variables override them.
 */
export const DEFAULT_IMAGES: Readonly<Record<ImageKey, string>> = gather();

/** The environment variable that overrides an image kind, e.g. FEDSTUDIO_IMAGE_NODE_EXPORTER. */
export function imageEnvVar(key: ImageKey): string {
  return `FEDSTUDIO_IMAGE_${key.toUpperCase().replace(/-/g, '_')}`;
}
