import type { Badge } from './derive.ts';

export function BadgeView({ id, badge }: { id: string; badge: Badge }) {
  return (
    <span
      className={`fs-badge fs-badge-${badge.severity}`}
      data-testid={`badge-${id}`}
      data-severity={badge.severity}
      title={badge.title}
    >
      {badge.count}
    </span>
  );
}
