import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import './styles/dashboard.css';

const container = document.getElementById('root');

if (!container) {
  throw new Error('Missing #root element in index.html');
}

// Open-Meteo is free and keyless, but let's make failures obvious in dev.
if (import.meta.env.DEV) {
  window.addEventListener('unhandledrejection', (event) => {
    console.error('[weather-dash] unhandled rejection', event.reason);
  });
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
