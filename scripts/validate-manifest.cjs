#!/usr/bin/env node
// Validates Teams app manifests against the official manifest schema with ajv (JSON Schema draft-07 rules).
// The v1.29 schema declares draft-04 but uses draft-06's "const" (manifestVersion): a draft-04 validator would
// ignore it (see specs/SOURCES.md), so the declaration is dropped and the schema is read with draft-07 semantics,
// which it otherwise follows (no draft-04 boolean exclusiveMinimum/Maximum, no "id").
// Usage: node scripts/validate-manifest.cjs <MicrosoftTeams.schema.json> <manifest.json>...
// Prints one JSON line per manifest ({"file","errors":[...]}) and exits 1 when any manifest has an error.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const Ajv = require(path.join(root, 'node_modules', 'ajv'));

const [schemaFile, ...manifestFiles] = process.argv.slice(2);
if (!schemaFile || manifestFiles.length === 0) {
  console.error('usage: validate-manifest.cjs <schema.json> <manifest.json>...');
  process.exit(2);
}

const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
delete schema.$schema;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);

let failed = 0;
for (const file of manifestFiles) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = [];
  if (!validate(manifest)) {
    for (const e of validate.errors) errors.push(`${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValue !== undefined ? ` (${JSON.stringify(e.params.allowedValue)})` : ''}`);
  }
  if (errors.length > 0) failed++;
  console.log(JSON.stringify({ file: path.basename(file), errors }));
}
process.exit(failed > 0 ? 1 : 0);
