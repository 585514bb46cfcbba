import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console: `npm run admin:dev` serves it with hot reload and forwards /graphql to
// a running API (API_URL, default http://localhost:4000); `npm run build` writes admin/dist,
// which the API serves at /.
const api = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // MUI marks its modules "use client"; meaningless in a client-only bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: ['..'] },
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
  },
});
