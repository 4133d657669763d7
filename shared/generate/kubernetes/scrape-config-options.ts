// Discovery and connection keys of a compose scrape job -> the Prometheus Operator ScrapeConfig's
// fields. The CRD takes credentials and TLS material from a Secret, not from files: a compose
// `/run/secrets/<VAR>` file becomes the key <VAR> of the stack's Secret, a TLS file the key named
// by its file name.

/** Names a Secret key for a value the compose job reads from a file. */
export type SecretRef = (key: string) => { name: string; key: string };

type Obj = Record<string, unknown>;

const SECRETS_DIR = '/run/secrets/';

function keyOfFile(file: string): string {
  return file.startsWith(SECRETS_DIR)
    ? file.slice(SECRETS_DIR.length)
    : file.slice(file.lastIndexOf('/') + 1);
}

function camel(k: string): string {
  return k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function authorization(a: Obj, ref: SecretRef): Obj {
  return {
    ...(a.type !== undefined ? { type: a.type } : {}),
    credentials: ref(keyOfFile(String(a.credentials_file))),
  };
}

/** A file path of a generated scrape config (always a string there). */
const fileName = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function tlsConfig(t: Obj, ref: SecretRef): Obj {
  return {
    ...(t.ca_file !== undefined ? { ca: { secret: ref(keyOfFile(fileName(t.ca_file))) } } : {}),
    ...(t.cert_file !== undefined
      ? { cert: { secret: ref(keyOfFile(fileName(t.cert_file))) } }
      : {}),
    ...(t.key_file !== undefined ? { keySecret: ref(keyOfFile(fileName(t.key_file))) } : {}),
    ...(t.server_name !== undefined ? { serverName: t.server_name } : {}),
    ...(t.insecure_skip_verify !== undefined ? { insecureSkipVerify: t.insecure_skip_verify } : {}),
  };
}

/** Keys that map by name alone. */
const PLAIN: Record<string, string> = {
  honor_timestamps: 'honorTimestamps',
  sample_limit: 'sampleLimit',
  label_limit: 'labelLimit',
  target_limit: 'targetLimit',
};

/** A connection key of a job in the CRD's terms, or undefined when the key is not one. */
export function connectionField(
  key: string,
  value: unknown,
  ref: SecretRef,
): [string, unknown] | undefined {
  const plain = PLAIN[key];
  if (plain !== undefined) return [plain, value];
  switch (key) {
    case 'scheme':
      return ['scheme', String(value).toUpperCase()];
    case 'tls_config':
      return ['tlsConfig', tlsConfig(value as Obj, ref)];
    case 'basic_auth': {
      const b = value as Obj;
      // The CRD reads the user name from the Secret too; the design's user is a plain value.
      return [
        'basicAuth',
        {
          username: ref(`${keyOfFile(String(b.password_file))}_USERNAME`),
          password: ref(keyOfFile(String(b.password_file))),
        },
      ];
    }
    case 'authorization':
      return ['authorization', authorization(value as Obj, ref)];
    default:
      return undefined;
  }
}

function camelObject(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]));
}

/** A discovery key of a job in the CRD's terms, or undefined when the key is not one. */
export function discoveryField(
  key: string,
  value: unknown,
  ref: SecretRef,
): [string, unknown] | undefined {
  const list = value as Obj[];
  switch (key) {
    case 'static_configs':
      return ['staticConfigs', list.map((g) => ({ ...g }))];
    case 'dns_sd_configs':
      return ['dnsSDConfigs', list.map(camelObject)];
    case 'ec2_sd_configs':
      return ['ec2SDConfigs', list.map(camelObject)];
    case 'kubernetes_sd_configs':
      return [
        'kubernetesSDConfigs',
        list.map((c) => ({
          // The CRD spells roles capitalised (Pod, EndpointSlice).
          role: roleName(String(c.role)),
          ...(c.namespaces !== undefined ? { namespaces: c.namespaces } : {}),
          ...(c.selectors !== undefined
            ? {
                selectors: (c.selectors as Obj[]).map((s) => ({
                  ...s,
                  role: roleName(String(s.role)),
                })),
              }
            : {}),
        })),
      ];
    case 'consul_sd_configs':
      return [
        'consulSDConfigs',
        list.map((c) => {
          const out = camelObject(c);
          if (c.authorization !== undefined)
            out.authorization = authorization(c.authorization as Obj, ref);
          return out;
        }),
      ];
    default:
      return undefined;
  }
}

function roleName(role: string): string {
  return role === 'endpointslice' ? 'EndpointSlice' : role.charAt(0).toUpperCase() + role.slice(1);
}
