#!/usr/bin/env node
// Validates Microsoft 365 Agents Toolkit project files (m365agents.yml, m365agents.local.yml) against the toolkit's
// own JSON schema for the "version" each file declares, as shipped in npm @microsoft/teamsfx-core (fetched by
// scripts/test.sh: ensure_toolchain_schemas in scripts/lib/common.sh). Offline; JSON Schema draft-07 (ajv).
// Usage: node scripts/validate-toolchain-yaml.cjs <yaml-schema folder> <file.yml>...
// Prints one JSON line per file ({"file","version","errors":[...]}) and exits 1 when any file has an error.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const Ajv = require(path.join(root, 'node_modules', 'ajv'));
const YAML = require(path.join(root, 'node_modules', 'yaml'));

const [schemaFolder, ...files] = process.argv.slice(2);
if (!schemaFolder || files.length === 0) {
  console.error('usage: validate-toolchain-yaml.cjs <yaml-schema folder> <file.yml>...');
  process.exit(2);
}

const validators = new Map();
function validatorFor(version) {
  const file = path.join(schemaFolder, String(version), 'yaml.schema.json');
  if (!/^v\d+\.\d+$/.test(String(version)) || !fs.existsSync(file)) return undefined;
  if (!validators.has(version)) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    validators.set(version, ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8'))));
  }
  return validators.get(version);
}

let failed = 0;
for (const file of files) {
  const errors = [];
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  for (const e of doc.errors) errors.push(`yaml: ${e.message}`);
  const value = doc.toJS();
  const version = value && value.version;
  const validate = validatorFor(version);
  if (validate === undefined) {
    errors.push(`/version ${JSON.stringify(version)} has no schema in ${schemaFolder}`);
  } else if (!validate(value)) {
    // anyOf over every action reports each alternative; the ones naming "uses" say which action was meant.
    for (const e of validate.errors) errors.push(`${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValue !== undefined ? ` (${JSON.stringify(e.params.allowedValue)})` : ''}`);
  }
  if (errors.length > 0) failed++;
  console.log(JSON.stringify({ file: path.basename(file), version, errors }));
}
process.exit(failed > 0 ? 1 : 0);
