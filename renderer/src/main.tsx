import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './theme/theme.css';
import { App } from './app/App.tsx';
import { connectHost } from './host/index.ts';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <App host={connectHost()} />
  </StrictMode>,
);
