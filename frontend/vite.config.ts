/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` proxies the API to a running `santa serve` (SANTA_API overrides the address).
const api = process.env.SANTA_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    sourcemap: false,
    // Read by the server: a deep link's HTML preloads its page's chunks (santa_server/webui).
    manifest: "manifest.json",
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: api, changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      "/api": { target: api, changeOrigin: false },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    // Six colleagues share two cores: typing-driven tests get room, never a flaky 5 s limit.
    testTimeout: 30_000,
  },
});
