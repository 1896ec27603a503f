import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { projectRoot } from '../../projectRoot';
import { contentHash } from '../../server/staticAsset';

/** The Web Chat bundle as served: the script, its precompressed forms and a hash of its content for the URL. */
export interface WebChatBundle {
  body: Buffer;
  gzipped: Buffer;
  brotli: Buffer;
  /** 16 hex digits of the script's SHA-256: a new bundle gets a new URL, so browsers may keep one for ever. */
  hash: string;
}

/** The localizations the page offers; Web Chat's other forty are left out (about 600 KB). */
const KEPT_LOCALIZATIONS = /[\\/](en-US|hi-IN)\.json$/;

/** The page's own sources of the bundle, in public/webchat/. */
const SOURCES = ['entry.js', 'punycode.js'];

/** The packages whose versions decide the bundle's content. */
const INPUT_PACKAGES = ['botframework-webchat', 'react', 'react-dom', 'esbuild'];

let loading: Promise<WebChatBundle> | undefined;

/**
 * Web Chat built from only what the page uses (public/webchat/entry.js), minified for production,
 * with brotli and gzip made once. Building takes a few seconds of CPU, so the result is kept in the
 * system's temporary folder under a hash of its inputs: every later process on the machine (another
 * instance, the next test) reads it instead.
 */
export function webChatBundle(): Promise<WebChatBundle> {
  loading ??= loadOrBuild().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function loadOrBuild(): Promise<WebChatBundle> {
  const folder = path.join(os.tmpdir(), `sampark-webchat-${inputHash()}`);
  const cached = readCached(folder);
  if (cached) return cached;
  const bundle = await buildBundle();
  writeCached(folder, bundle);
  return bundle;
}

async function buildBundle(): Promise<WebChatBundle> {
  const result = await build({
    entryPoints: [path.join(webChatSources(), 'entry.js')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: [leaveOutUnused()],
  });
  const body = Buffer.from(result.outputFiles[0]!.contents);
  return {
    body,
    gzipped: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    hash: contentHash(body),
  };
}

/**
 * What the page never uses, replaced at build time: the streaming Direct Line client (Direct Line
 * Speech, App Service extension), the localizations of other languages, and the ES5 wrapper
 * packages whose install scripts npm does not run here, by the modern packages they wrap.
 */
function leaveOutUnused(): Plugin {
  const modules = path.join(projectRoot(), 'node_modules');
  return {
    name: 'sampark-leave-out-unused',
    setup(builder) {
      builder.onLoad({ filter: /botframework-directlinejs[\\/]lib[\\/]directLineStreaming\.js$/ }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      builder.onLoad({ filter: /botframework-webchat-api[\\/]lib[\\/]localization[\\/][A-Za-z-]+\.json$/ }, (file) =>
        KEPT_LOCALIZATIONS.test(file.path) ? undefined : { contents: '{}', loader: 'json' },
      );
      builder.onResolve({ filter: /^punycode$/ }, () => ({ path: path.join(webChatSources(), 'punycode.js') }));
      builder.onResolve({ filter: /^(p-defer|markdown-it-attrs|abort-controller)-es5$/ }, (file) => ({
        path: path.join(modules, file.path, 'src', 'index.js'),
      }));
    },
  };
}

function webChatSources(): string {
  return path.join(projectRoot(), 'public', 'webchat');
}

function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES) hash.update(file).update(fs.readFileSync(path.join(webChatSources(), file)));
  for (const name of INPUT_PACKAGES) hash.update(fs.readFileSync(path.join(projectRoot(), 'node_modules', name, 'package.json')));
  // This file's build settings count too: under jest it is the source, after a build the compiled copy.
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex').slice(0, 16);
}

const CACHED_FILES = { body: 'webchat.js', gzipped: 'webchat.js.gz', brotli: 'webchat.js.br' } as const;

function readCached(folder: string): WebChatBundle | null {
  try {
    const body = fs.readFileSync(path.join(folder, CACHED_FILES.body));
    return {
      body,
      gzipped: fs.readFileSync(path.join(folder, CACHED_FILES.gzipped)),
      brotli: fs.readFileSync(path.join(folder, CACHED_FILES.brotli)),
      hash: contentHash(body),
    };
  } catch {
    return null;
  }
}

/** Written under a temporary name and renamed, so a process reading at the same time never sees half a file. */
function writeCached(folder: string, bundle: WebChatBundle): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    // The script last: readCached takes the set as present once it is there.
    for (const part of ['gzipped', 'brotli', 'body'] as const) {
      const target = path.join(folder, CACHED_FILES[part]);
      const temporary = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, bundle[part]);
      fs.renameSync(temporary, target);
    }
  } catch {
    // A read-only temporary folder only means the next process builds again.
  }
}
