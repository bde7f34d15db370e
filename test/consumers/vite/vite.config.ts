// Two pages, one build: index.html (vanilla TS) and react.html (React 19 + TS).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  plugins: [react()],
  build: { rolldownOptions: { input: { main: page('index.html'), react: page('react.html') } } },
});
