import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import './styles/expenses.css';

const container = document.getElementById('root');

if (!container) {
  throw new Error('Missing #root element in index.html');
}

// Ask the browser not to evict our localStorage under storage pressure.
if (navigator.storage?.persist) {
  navigator.storage.persist().catch(() => {
    // Not supported or denied; data is still saved, just evictable.
  });
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
