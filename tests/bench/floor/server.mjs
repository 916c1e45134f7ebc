// Serves the floor app's build the way app/server.ts serves Matchfund (express, compression, static, Remix handler).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';

const dir = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(dir, 'build', 'index.js'));
const app = express();
app.disable('x-powered-by');
app.use(compression());
app.use(build.publicPath, express.static(path.join(dir, 'public', 'build'), { immutable: true, maxAge: '1y' }));
app.all('*', createRequestHandler({ build, mode: 'production' }));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor app on ${process.env.PORT}`));
