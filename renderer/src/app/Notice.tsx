import { useDesign } from '../store/design-store.ts';
import { Notice as NoticeView } from '../ui/Notice.tsx';

/** The design store's last message, in the app's notice. */
export function Notice() {
  return <NoticeView notice={useDesign((s) => s.notice)} />;
}
