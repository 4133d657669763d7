// Writes docs/kinds.md from the kind modules (shared/kinds/).
import { writeFileSync } from 'node:fs';
import { renderKindsMarkdown } from '../shared/kinds/docs.ts';

writeFileSync('docs/kinds.md', renderKindsMarkdown());
