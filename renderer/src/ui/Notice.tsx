import { useEffect, useState } from 'react';

interface NoticeMessage {
  text: string;
  kind: 'info' | 'error';
  /** When it was given: a new message with the same text shows again. */
  at: number;
}

/** The last message for the user, shown for a few seconds (errors stay until dismissed). */
export function Notice({ notice }: { notice: NoticeMessage | null }) {
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const t = setTimeout(() => setHidden(notice.at), 4000);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice || hidden === notice.at) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => setHidden(notice.at)}>
        ×
      </button>
    </div>
  );
}
