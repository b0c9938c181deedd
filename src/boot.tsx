// The app, loaded by main.ts once the first engine worker has started.
// First: configures zod before any schema is built (see the module).
import './zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerOffline } from './offline/registerOffline';
import { UpdateNotice } from './ui/about/UpdateNotice';
import { App } from './ui/App';
import './ui/styles.css';
import './ui/layout.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);

registerOffline();
