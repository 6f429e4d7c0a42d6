#!/usr/bin/env node
// Validates expanded Adaptive Cards the way Teams will meet them:
//  1. against the official Adaptive Card 1.5 JSON schema (with Teams' root "msteams" removed, see specs/SOURCES.md);
//  2. by parsing them with the official "adaptivecards" library, which reports unknown elements,
//     actions and properties.
// Usage: node scripts/validate-cards.cjs <schema.json> <card.json>...
// Prints one JSON line per card ({"file","errors":[...]}) and exits 1 when any card has an error.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const Ajv = require(path.join(root, 'node_modules', 'ajv'));
const AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const [schemaFile, ...cardFiles] = process.argv.slice(2);
if (!schemaFile || cardFiles.length === 0) {
  console.error('usage: validate-cards.cjs <schema.json> <card.json>...');
  process.exit(2);
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
ajv.addMetaSchema(require(path.join(root, 'node_modules', 'ajv', 'dist', 'refs', 'json-schema-draft-06.json')));
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
if (schema.id && !schema.$id) {
  // The 1.5 schema declares draft-06 but names itself with draft-04's "id"; ajv wants "$id".
  schema.$id = schema.id;
  delete schema.id;
}
const validate = ajv.compile(schema);

let failed = 0;
for (const file of cardFiles) {
  const card = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = [];

  const forSchema = { ...card };
  delete forSchema.msteams;
  if (!validate(forSchema)) {
    for (const e of validate.errors) errors.push(`schema: ${e.instancePath || '/'} ${e.message}`);
  }

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    errors.push(`adaptivecards: ${context.getEventAt(i).message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    errors.push(`adaptivecards: ${e.message}`);
  }

  if (errors.length > 0) failed++;
  console.log(JSON.stringify({ file: path.basename(file), errors }));
}
process.exit(failed > 0 ? 1 : 0);
