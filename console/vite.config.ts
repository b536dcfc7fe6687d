// The staff console: built by Vite into static files served under /console/ (locally by the API's
// server, in AWS from S3 behind CloudFront). Chart.js is only in the dashboard's chunk.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 250 },
});
