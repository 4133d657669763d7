// The design itself, when nothing is selected: metadata, defaults and image overrides.
import { DEFAULT_IMAGES } from '../../../shared/kinds/index.ts';
import { Name } from '../../../shared/model/primitives.ts';
import { IMAGE_KEYS, type Topology } from '../../../shared/model/schema.ts';
import { designStore, useDesign } from '../store/design-store.ts';
import { withField } from './field-values.ts';
import type { FieldSpec } from './fields.ts';
import { Field, FieldInput } from './ItemForm.tsx';
import { counted } from '../../../shared/plural.ts';

type Section = 'metadata' | 'defaults' | 'images';

const META: FieldSpec[] = [
  {
    key: 'name',
    label: 'Design name',
    type: 'text',
    required: true,
    hint: 'Names the lab and the compose project.',
  },
  { key: 'description', label: 'Description', type: 'multiline' },
];
const DEFAULTS: FieldSpec[] = [
  { key: 'scrapeInterval', label: 'Scrape interval', type: 'duration', placeholder: '15s' },
  { key: 'scrapeTimeout', label: 'Scrape timeout', type: 'duration', placeholder: '10s' },
  { key: 'evaluationInterval', label: 'Evaluation interval', type: 'duration', placeholder: '15s' },
];

function commitSection(section: Section, spec: FieldSpec, value: unknown): string | null {
  if (section === 'metadata' && spec.key === 'name') {
    const r = Name.safeParse(value);
    if (!r.success) return r.error.issues[0]?.message ?? 'invalid name';
  }
  const store = designStore.getState();
  const run = (t: Topology): Topology => {
    const part = withField(t[section] ?? {}, spec.key, value);
    if (section !== 'metadata' && Object.keys(part).length === 0) {
      return Object.fromEntries(Object.entries(t).filter(([k]) => k !== section)) as Topology;
    }
    return { ...t, [section]: part };
  };
  store.apply({ label: `Edit ${spec.label.toLowerCase()}`, undoable: true, run });
  return null;
}

function SectionFields({
  section,
  specs,
  values,
}: {
  section: Section;
  specs: readonly FieldSpec[];
  values: Record<string, unknown> | undefined;
}) {
  return (
    <>
      {specs.map((spec) => (
        <Field key={spec.key} spec={spec}>
          <FieldInput
            spec={spec}
            value={values?.[spec.key]}
            commit={(v) => commitSection(section, spec, v)}
          />
        </Field>
      ))}
    </>
  );
}

const IMAGE_SPECS: FieldSpec[] = IMAGE_KEYS.map((k) => ({
  key: k,
  label: k,
  type: 'text',
  placeholder: DEFAULT_IMAGES[k],
}));

export function TopologyForm() {
  const metadata = useDesign((s) => s.topology.metadata);
  const defaults = useDesign((s) => s.topology.defaults);
  const images = useDesign((s) => s.topology.images);
  const counts = useDesign(
    (s) =>
      `${counted(s.topology.nodes.length, 'node')} · ${counted((s.topology.edges ?? []).length, 'edge')} · ${counted((s.topology.groups ?? []).length, 'group')}`,
  );
  const overridden = Object.keys(images ?? {}).length;
  return (
    <div className="item-form">
      <div className="muted small summary-line">{counts}</div>
      <div className="section-title">Design</div>
      <SectionFields section="metadata" specs={META} values={metadata} />
      <div className="section-title">Defaults</div>
      <SectionFields section="defaults" specs={DEFAULTS} values={defaults} />
      <details className="images" open={overridden > 0}>
        <summary className="section-title">
          Images {overridden > 0 ? `(${overridden} overridden)` : '(built-in)'}
        </summary>
        <SectionFields section="images" specs={IMAGE_SPECS} values={images} />
      </details>
    </div>
  );
}
