import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { AuthGate } from './auth/auth-gate.js';
import { recheckSessionOn401 } from './auth/session-query.js';
import { retryOnce } from './data/errors.js';
import './styles.css';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => recheckSessionOn401(queryClient, error) }),
  defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false, retry: retryOnce } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthGate>
        <App />
      </AuthGate>
    </QueryClientProvider>
  </StrictMode>,
);
