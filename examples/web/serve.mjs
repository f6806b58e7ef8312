#!/usr/bin/env node
// A tiny static file server for the web demo: serves the repository root on 127.0.0.1 only.
//
//   node examples/web/serve.mjs [PORT]      (or PORT=… node examples/web/serve.mjs)
//
// PORT 0 picks a free port. Prints the demo's URL. No dependencies.
// Refuses paths outside the repository and hidden files or folders (.git, .venv, …).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DEMO_PATH = '/examples/web/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** Whether `p` is `root` itself or lies inside it. */
function inside(root, p) {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Maps a URL path to a file under `root`, or returns an HTTP status for the refusal.
 * @returns {Promise<{file: string} | {status: number} | {redirect: string}>}
 */
async function resolve(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..')) return { status: 403 };
  if (segments.some((s) => s.startsWith('.'))) return { status: 403 };
  const candidate = path.resolve(root, ...segments);
  if (!inside(root, candidate)) return { status: 403 };
  let real;
  try {
    real = await fs.promises.realpath(candidate);
  } catch {
    return { status: 404 };
  }
  // A symbolic link must not lead out of the repository either.
  if (!inside(root, real)) return { status: 403 };
  const stat = await fs.promises.stat(real);
  if (stat.isDirectory()) {
    if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
    const index = path.join(real, 'index.html');
    if (fs.existsSync(index)) return { file: index };
    return { status: 404 };
  }
  if (!stat.isFile()) return { status: 404 };
  return { file: real };
}

/**
 * Starts the server. Resolves to `{server, port, url}` once it listens.
 * @param {{port?: number, root?: string, quiet?: boolean}} [options]
 */
export function startServer({ port = 0, root = REPO_ROOT, quiet = true } = {}) {
  const realRoot = fs.realpathSync(root);
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      if (url.pathname === '/') {
        send(res, 302, '', { Location: DEMO_PATH });
        return;
      }
      const r = await resolve(realRoot, url.pathname);
      if (r.redirect) {
        send(res, 301, '', { Location: r.redirect + url.search });
      } else if (r.status) {
        send(res, r.status, `${http.STATUS_CODES[r.status]}\n`);
      } else {
        const type = MIME[path.extname(r.file).toLowerCase()] || 'application/octet-stream';
        const body = await fs.promises.readFile(r.file);
        send(res, 200, req.method === 'HEAD' ? undefined : body, {
          'Content-Type': type,
          'Content-Length': body.length,
        });
      }
      if (!quiet) console.log(`${req.method} ${url.pathname} ${res.statusCode}`);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
      if (!quiet) console.error(e);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolvePromise({ server, port: actual, url: `http://127.0.0.1:${actual}${DEMO_PATH}` });
    });
  });
}

/** Closes the server, dropping open keep-alive connections. */
export function stopServer(server) {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections?.();
  });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const raw = process.argv[2] ?? process.env.PORT ?? '8000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid port ${JSON.stringify(raw)} (give 0–65535; 0 = any free port)`);
    process.exit(2);
  }
  startServer({ port, quiet: !process.env.VERBOSE })
    .then(({ url }) => {
      console.log(`renda web demo: ${url}`);
      console.log(`serving ${REPO_ROOT} on 127.0.0.1 only; Ctrl-C to stop`);
    })
    .catch((e) => {
      console.error(`serve: ${e.message}`);
      process.exit(1);
    });
}
