import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // A single-page app: every page renders in the browser, and the API server answers any
    // path that is not a built file with 200.html. Every file also gets its brotli and gzip
    // copy at build time, which the server sends as they are, without compressing per request.
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: '200.html',
      strict: true,
      precompress: true,
    }),
  },
};

export default config;
