import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './vite/firstLoadBudget.ts';
import { precompress } from './vite/precompress.ts';

export default defineConfig({
  plugins: [react(), firstLoadBudget(), precompress()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
