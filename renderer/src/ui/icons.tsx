// Toolbar icons: 16px strokes in the text colour, drawn here (no icon font, no CDN).
import type { ReactNode } from 'react';

const PATHS: Record<string, ReactNode> = {
  new: (
    <>
      <path d="M9 1.5H4a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V5.5z" />
      <path d="M9 1.5v4h4M8 8v4M6 10h4" />
    </>
  ),
  open: (
    <path d="M1.5 4V13a.5.5 0 0 0 .5.5h10.5l2-6H4.5l-2 6M1.5 4a1 1 0 0 1 1-1h3l1.5 1.5h5a1 1 0 0 1 1 1v2" />
  ),
  save: (
    <>
      <path d="M2.5 2.5h9l2 2v9h-11z" />
      <path d="M5 2.5v3.5h5V2.5M5 13.5V9.5h6v4" />
    </>
  ),
  saveAs: (
    <>
      <path d="M8 13.5H2.5v-11h9l2 2V8" />
      <path d="M5 2.5v3.5h5V2.5M10 14l4-4-1.5-1.5-4 4V14z" />
    </>
  ),
  export: (
    <>
      <path d="M8 10V1.5M5 4.5l3-3 3 3" />
      <path d="M3 8v5.5h10V8" />
    </>
  ),
  undo: <path d="M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a4 4 0 0 1 0 8h-2" />,
  redo: <path d="m10.5 3.5 3 3-3 3M13.5 6.5h-7a4 4 0 0 0 0 8h2" />,
  layout: (
    <>
      <rect x="6" y="1.5" width="4" height="3" rx=".5" />
      <rect x="1.5" y="11.5" width="4" height="3" rx=".5" />
      <rect x="10.5" y="11.5" width="4" height="3" rx=".5" />
      <path d="M8 4.5V8M3.5 11.5V8h9v3.5" />
    </>
  ),
  fit: <path d="M1.5 5V1.5H5M11 1.5h3.5V5M14.5 11v3.5H11M5 14.5H1.5V11M5.5 5.5h5v5h-5z" />,
  png: (
    <>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1" />
      <path d="m1.5 11 4-4 3 3 2-2 4 4" />
      <circle cx="11" cy="5.5" r="1" />
    </>
  ),
  svg: (
    <>
      <path d="M2 13.5 13.5 2" />
      <circle cx="2.5" cy="13" r="1.5" />
      <circle cx="13" cy="3" r="1.5" />
      <path d="M2.5 11.5C3 6 6 3.5 11.5 3" />
    </>
  ),
  sun: (
    <>
      <circle cx="8" cy="8" r="3" />
      <path d="M8 .8v2M8 13.2v2M.8 8h2M13.2 8h2M2.9 2.9l1.4 1.4M11.7 11.7l1.4 1.4M2.9 13.1l1.4-1.4M11.7 4.3l1.4-1.4" />
    </>
  ),
  moon: <path d="M13.5 10A6 6 0 0 1 6 2.5a6 6 0 1 0 7.5 7.5z" />,
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      className="icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[name]}
    </svg>
  );
}
