#!/usr/bin/env node
// solc-facade: give a solcjs npm package the command line of a native `solc`, as far as
// py-solc-x 2.0.5 and eth-brownie 1.22.2 use it. Native solc builds cannot be downloaded on
// our machines, but the solcjs packages from the npm registry can.
//
// Usage: node tools/solc-facade.cjs <solc-package-dir-or-npm-alias> [solc options]
//
// Supported options (everything else is refused with solc's own wording, which py-solc-x
// turns into UnknownOption):
//   --version                 prints "Version: X.Y.Z+commit.HASH..." like solc does
//   --standard-json           reads compiler input JSON on stdin, writes output JSON on stdout
//   --base-path DIR           root for resolving relative source unit names
//   --include-path DIR        further roots (repeatable)
//   --allow-paths A,B,...     further roots (py-solc-x joins lists with commas)
//   -                         "read stdin"; implied by --standard-json
//   --help                    this text
//   --serve                   stay up: read one standard-JSON input per line on stdin, write one
//                             output per line on stdout (spellgen's persistent compiler; the
//                             process loads solcjs once and exits when stdin closes)
// Missing imports are looked up on disk: absolute names as they are, relative names under
// base path, include paths, the current directory, then each allowed path, first hit wins.
// Unlike native solc the facade does not refuse files outside the allowed paths.
'use strict';

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');

function fail(message) {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(1);
}

function usage() {
  // The header comment is the documentation; print it without the comment markers.
  const text = fs.readFileSync(__filename, 'utf8').split('\n');
  const body = [];
  for (const line of text.slice(1)) {
    if (!line.startsWith('//')) break;
    body.push(line.replace(/^\/\/ ?/, ''));
  }
  return body.join('\n') + '\n';
}

// A directory path loads that package; anything else is resolved as a package name (such as
// the "solc-0.8.16" alias) from the repository's node_modules.
function loadSolc(spec) {
  let target = spec;
  if (!(path.isAbsolute(spec) || spec.startsWith('.') || fs.existsSync(spec))) {
    try {
      target = require.resolve(spec, { paths: [REPO_ROOT] });
    } catch (err) {
      fail(`solc-facade: cannot find npm package '${spec}' under ${REPO_ROOT}/node_modules ` +
           '(run `make setup`)');
    }
  }
  try {
    return require(path.resolve(target));
  } catch (err) {
    fail(`solc-facade: cannot load solcjs from '${spec}': ${err.message}`);
  }
}

// Split "--opt=value" and "--opt value"; return the parsed options or exit like solc would.
function parseArgs(args) {
  const opts = { version: false, standardJson: false, help: false, serve: false, basePath: null,
                 includePaths: [], allowPaths: [] };
  const withValue = new Set(['--base-path', '--include-path', '--allow-paths']);
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    let value = null;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (withValue.has(arg) && value === null) {
      if (i + 1 >= args.length) fail(`the required argument for option '${arg}' is missing`);
      value = args[++i];
    }
    switch (arg) {
      case '--version': opts.version = true; break;
      case '--standard-json': opts.standardJson = true; break;
      case '--serve': opts.serve = true; break;
      case '--help': opts.help = true; break;
      case '-': break;
      case '--base-path': opts.basePath = value; break;
      case '--include-path': opts.includePaths.push(value); break;
      case '--allow-paths':
        opts.allowPaths.push(...value.split(',').filter((p) => p !== ''));
        break;
      default:
        fail(`unrecognised option '${arg}'\n` +
             'solc-facade only supports --version, --standard-json, --serve, --base-path, ' +
             '--include-path and --allow-paths (see --help)');
    }
  }
  return opts;
}

function importResolver(opts) {
  const cwd = process.cwd();
  const roots = [];
  for (const dir of [opts.basePath, ...opts.includePaths, cwd, ...opts.allowPaths]) {
    if (dir === null || dir === undefined) continue;
    const abs = path.resolve(cwd, dir);
    if (!roots.includes(abs)) roots.push(abs);
  }
  return function findImport(unitName) {
    const candidates = path.isAbsolute(unitName)
      ? [unitName]
      : roots.map((root) => path.join(root, unitName));
    for (const file of candidates) {
      try {
        return { contents: fs.readFileSync(file, 'utf8') };
      } catch (err) {
        // not there; try the next root
      }
    }
    return { error: `File not found: ${unitName} (searched ${candidates.join(', ')})` };
  };
}

// Newline-delimited JSON: each input line is one standard-JSON input, each output line the
// compiler's output for it, in order. solc's output is JSON, so a raw newline in it can only be
// whitespace between tokens: replacing it with a space keeps the value and the framing.
function serve(solc, findImport) {
  const readline = require('readline');
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    let output;
    try {
      output = solc.compile(line, { import: findImport });
    } catch (err) {
      output = JSON.stringify({ errors: [{ severity: 'error', type: 'InternalCompilerError',
                                           message: `solcjs threw: ${err.message}`,
                                           formattedMessage: `solcjs threw: ${err.message}` }] });
    }
    process.stdout.write(output.replace(/\n/g, ' ') + '\n');
  });
  lines.on('close', () => process.exit(0));  // spellgen exited (or closed the pipe): so do we
}

function main() {
  const args = process.argv.slice(2);
  if (args.length === 0) fail(usage());
  const spec = args[0];
  const opts = parseArgs(args.slice(1));

  if (opts.help) {
    process.stdout.write(usage());
    return;
  }
  const solc = loadSolc(spec);
  if (opts.version) {
    process.stdout.write('solc, the solidity compiler commandline interface\n' +
                         `Version: ${solc.version()}\n`);
    return;
  }
  if (opts.serve) {
    serve(solc, importResolver(opts));
    return;
  }
  if (!opts.standardJson) {
    fail('solc-facade: only --standard-json compilation is supported (see --help)');
  }
  const input = fs.readFileSync(0, 'utf8');
  const output = solc.compile(input, { import: importResolver(opts) });
  // Let Node flush stdout on its own; process.exit() here could cut a large pipe write short.
  process.stdout.write(output + '\n');
}

main();
