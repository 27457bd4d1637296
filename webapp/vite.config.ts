import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built by Maven (pom.xml) into the jar's static resources; the broker serves it at /.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.FORMIDLER_WEBAPP_OUT ?? '../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/broker': 'http://localhost:8080', '/web': 'http://localhost:8080', '/events': 'http://localhost:8080' } },
});
