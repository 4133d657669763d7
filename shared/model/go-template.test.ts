import { describe, expect, it } from 'vitest';
import { goTemplateProblem } from './go-template.ts';

// Each case was checked with promtool check rules (Prometheus 2.42) as an alert annotation.
describe('goTemplateProblem', () => {
  it.each([
    'plain text, with } and { and }} alone',
    '{{ $labels.instance }} is down',
    '{{ $value | humanize }}',
    '{{ humanizeDuration 3 }} {{ toUpper "a" }}{{ title "b" }}',
    '{{ printf "%.2f" $value }}',
    '{{ if gt $value 1.0 }}big{{ else if lt $value 0.5 }}small{{ else }}mid{{ end }}',
    '{{ range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end }}',
    '{{- $labels.job -}}',
    '{{/* a comment */}}',
    '{{ with $labels.job }}{{ . }}{{ end }}',
    '{{ $x := 1 }}{{ $x }}',
    "{{ 'a' }} {{ -3 }} {{ 0x1F }} {{ 1e3 }} {{ (1) }}",
    '{{ "}}" }} {{ `raw}}` }} {{ "a\\"b" }}',
    '{{ index $labels "job" }} {{ $externalLabels.dc }} {{ $externalURL }} {{ $ }}',
  ])('reads %s', (text) => {
    expect(goTemplateProblem(text)).toBeNull();
  });

  it.each([
    ['{{ $labels.job', /has no matching "}}"/],
    ['{{ $x }}', /undefined variable "\$x"/],
    ['{{ foo }}', /function "foo" is not defined/],
    ['{{ }}', /missing value for command/],
    ['{{ "a\\q" }}', /invalid escape/],
    ["{{ 'ab' }}", /invalid character constant/],
    ['{{ if }}', /missing value for if/],
    ['{{ end }}', /unexpected \{\{end\}\}/],
    ['{{ if true }}x', /\{\{if\}\} has no \{\{end\}\}/],
    ['{{ () }}', /missing value in "\(\)"/],
    ['{{ (1 }}', /unclosed "\("/],
    ['{{ $labels. }}', /not followed by a field name/],
    ['{{ 3.5.x }}', /has no fields/],
    ['{{ "abc }}', /has no matching/],
    ['{{/* open }}', /comment/],
    ['{{ template "x" }}', /not supported/],
    ['{{ else }}', /unexpected \{\{else\}\}/],
  ])('refuses %s', (text, problem) => {
    expect(goTemplateProblem(text)).toMatch(problem);
  });
});
