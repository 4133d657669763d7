// Writes docs/rules.md from the rule registry (`npm run docs:rules`).
import { writeFileSync } from 'node:fs';
import { renderRulesMarkdown } from '../shared/validate/reference.ts';
import { RULES } from '../shared/validate/rules/index.ts';

writeFileSync('docs/rules.md', renderRulesMarkdown(RULES));
