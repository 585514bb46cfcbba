import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

// The console: `npm run admin:dev` serves it with hot reload and forwards /graphql to
// a running API (API_URL, default http://localhost:4000); `npm run build` writes admin/dist,
// which the API serves at /.
const api = process.env.API_URL ?? 'http://localhost:4000';

/** `virtual:tradebook-introspection`: the committed schema as introspection, made at build time so the browser parses no SDL. */
function schemaIntrospection(): Plugin {
  const id = 'virtual:tradebook-introspection';
  const file = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
  return {
    name: 'tradebook-introspection',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(file);
      const { __schema } = introspectionFromSchema(buildSchema(readFileSync(file, 'utf8')), { descriptions: false });
      return `export default ${JSON.stringify(__schema)};`;
    },
  };
}

/** Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, for the API to send as they are (api/src/server/console-static.ts). */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
  return {
    name: 'tradebook-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle() {
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))) {
        // small files too: the console's promise is that every script comes compressed, whatever the chunking made small
        const content = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [schemaIntrospection(), precompress()],
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // the SDK from its sources, as the tests use it
  resolve: { alias: { '@tradebook/client': fileURLToPath(new URL('../schema/client/index.ts', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // exceljs (export only) is one large file by itself; everything else is split by screen
    chunkSizeWarningLimit: 1000,
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
