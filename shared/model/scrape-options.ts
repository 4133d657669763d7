// How a job talks to its targets: scheme, TLS, credentials, relabeling and limits. Settable on a
// targets node (every job scraping it) and on a scrape edge (that job only; each key wins over the
// node's). Credentials are `${VAR}` references: the export turns them into *_file settings that
// read the value from a secret file, so no secret reaches a design or an exported file.
import { z } from 'zod';
import { SecretRef } from './primitives.ts';
import { RelabelList } from './relabel.ts';

/**
 * A file Prometheus reads at run time (CA, certificate, key): absolute, or relative to the
 * folder of prometheus.yml (where the export writes it), without blanks or `..` segments.
 */
export const RuntimeFile = z.string().regex(/^(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]+$/, {
  message: 'must be a file path (letters, digits, "." "_" "-" "/"; no ".." segments)',
});

export const TlsOptions = z.strictObject({
  ca: RuntimeFile.optional(),
  cert: RuntimeFile.optional(),
  key: RuntimeFile.optional(),
  serverName: z.string().min(1).optional(),
  insecureSkipVerify: z.boolean().optional(),
});

export const BasicAuth = z.strictObject({
  username: z.string().min(1),
  password: SecretRef,
});

export const Authorization = z.strictObject({
  type: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]*$/, { message: 'must be an HTTP auth scheme, e.g. Bearer' })
    .optional(),
  credentials: SecretRef,
});

const limit = z.number().int().min(0);

/** Keys shared by targets nodes and scrape edges, spread into both. */
export const scrapeOptionFields = {
  scheme: z.enum(['http', 'https']).optional(),
  tls: TlsOptions.optional(),
  basicAuth: BasicAuth.optional(),
  authorization: Authorization.optional(),
  relabel: RelabelList.optional(),
  metricRelabel: RelabelList.optional(),
  sampleLimit: limit.optional(),
  labelLimit: limit.optional(),
  targetLimit: limit.optional(),
  honorTimestamps: z.boolean().optional(),
  nativeHistograms: z.boolean().optional(),
} as const;

export type ScrapeOptions = {
  [K in keyof typeof scrapeOptionFields]?: z.infer<(typeof scrapeOptionFields)[K]>;
};
export const SCRAPE_OPTION_KEYS = Object.keys(scrapeOptionFields) as (keyof ScrapeOptions)[];
