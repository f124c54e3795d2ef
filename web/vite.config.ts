import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [tailwindcss(), sveltekit()],
  ssr: {
    // SvelteKit's server runtime (used at build time to write the entry page) imports
    // `cookie` 0.6, but the workspace root holds the server's cookie 2, whose exports differ.
    // Bundling it resolves the copy SvelteKit depends on.
    noExternal: ['cookie'],
  },
  build: {
    // SvelteKit writes the app after bundling (seconds, by design): no timing warning for it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    // In development the API runs on its own (`npm start`); in production it serves this app.
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
