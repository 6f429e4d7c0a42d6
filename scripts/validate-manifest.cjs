#!/usr/bin/env node
// Validates Teams app manifests with the validator of the Teams toolchain itself (npm @microsoft/app-manifest,
// AppManifestUtils.validateAgainstSchema) against the official schema its "$schema" names, as bundled in that
// package. It never goes online: a "$schema" whose copy the package does not bundle is an error, not a download.
// With --schema FILE the manifests are checked against that schema file instead (same validator).
// Usage: node scripts/validate-manifest.cjs [--schema MicrosoftTeams.schema.json] <manifest.json>...
// Prints one JSON line per manifest ({"file","errors":[...]}) and exits 1 when any manifest has an error.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const packageDir = path.join(root, 'node_modules', '@microsoft', 'app-manifest');
const { AppManifestUtils } = require(packageDir);

const manifestFiles = process.argv.slice(2);
const schemaFile = manifestFiles[0] === '--schema' ? manifestFiles.splice(0, 2)[1] : undefined;
if (manifestFiles.length === 0 || (process.argv[2] === '--schema' && !schemaFile)) {
  console.error('usage: validate-manifest.cjs [--schema <schema.json>] <manifest.json>...');
  process.exit(2);
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// https://developer.microsoft.com/[en-us/]json-schemas/teams/v1.29/MicrosoftTeams.schema.json -> the bundled copy.
function bundledSchema(url) {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i
    .exec(url || '');
  const file = match && path.join(packageDir, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  return file && fs.existsSync(file) ? readJson(file) : undefined;
}

(async () => {
  const given = schemaFile === undefined ? undefined : readJson(schemaFile);
  let failed = 0;
  for (const file of manifestFiles) {
    const manifest = readJson(file);
    const schema = given || bundledSchema(manifest.$schema);
    const errors = schema === undefined
      ? [`/$schema ${JSON.stringify(manifest.$schema)} is not a Teams manifest schema that @microsoft/app-manifest bundles`]
      : await AppManifestUtils.validateAgainstSchema(manifest, schema);
    if (errors.length > 0) failed++;
    console.log(JSON.stringify({ file: path.basename(file), errors }));
  }
  process.exit(failed > 0 ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
