// Must stay the first import: it configures zod before the contract's schemas are built.
import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startRouting } from './app/route-store';
import { initIpc } from './lib/ipc';
import './styles.css';

// Order matters: in the browser host the hash first holds the access token, which initIpc takes
// and removes before the router claims the hash for pages.
initIpc();
startRouting();

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
