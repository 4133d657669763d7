// The whole diagram as a PNG or SVG file: html-to-image renders React Flow's viewport with a
// transform that frames every node, on the theme's background, and the browser downloads it.
import { getViewportForBounds } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { designStore } from '../store/design-store.ts';
import { getCanvas } from './canvas-registry.ts';
import { BIG_DESIGN } from './kinds.ts';

const PAD = 40;
const MAX_SIDE = 6000;

const SKIP = ['react-flow__handle', 'react-flow__resize-control', 'react-flow__minimap'];

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

async function render(format: 'png' | 'svg'): Promise<string | null> {
  const c = getCanvas();
  const store = designStore.getState();
  if (!c) return null;
  const nodes = c.rf.getNodes();
  if (nodes.length === 0) {
    store.notify('The diagram is empty: nothing to export', 'info');
    return null;
  }
  const viewport = c.el.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) return null;
  // A big design renders only what is in view: show all of it while the picture is taken.
  const saved = c.rf.getViewport();
  const big = nodes.length > BIG_DESIGN;
  if (big) {
    await c.rf.fitView({ padding: 0.05 });
    await frame();
    await frame();
  }
  try {
    const bounds = c.rf.getNodesBounds(nodes);
    const zoom = Math.min(
      1,
      MAX_SIDE / (bounds.width + 2 * PAD),
      MAX_SIDE / (bounds.height + 2 * PAD),
    );
    const width = Math.ceil(bounds.width * zoom + 2 * PAD);
    const height = Math.ceil(bounds.height * zoom + 2 * PAD);
    const vp = getViewportForBounds(bounds, width, height, 0.02, 2, `${PAD}px`);
    const background = getComputedStyle(c.el).getPropertyValue('--bg').trim() || '#ffffff';
    const options = {
      backgroundColor: background,
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
      },
      // Text nodes come through too.
      filter: (el: Node) =>
        !(el instanceof Element) || !SKIP.some((cls) => el.classList.contains(cls)),
    };
    return format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    if (big) await c.rf.setViewport(saved);
  }
}

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function exportAs(format: 'png' | 'svg'): Promise<void> {
  try {
    const url = await render(format);
    if (!url) return;
    const name = designStore.getState().topology.metadata.name || 'diagram';
    download(url, `${name}.${format}`);
  } catch (e) {
    designStore.getState().notify(`Diagram export failed: ${(e as Error).message}`, 'error');
  }
}

export const exportPng = (): Promise<void> => exportAs('png');
export const exportSvg = (): Promise<void> => exportAs('svg');
