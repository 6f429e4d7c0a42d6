#!/usr/bin/env node
// Validates expanded Adaptive Cards the way Teams will meet them:
//  1. by parsing them with the official "adaptivecards" library, which reports unknown elements,
//     actions and properties (always);
//  2. with --schema, also against the official Adaptive Card 1.5 JSON schema (Teams' root "msteams" removed:
//     the schema forbids unknown root properties). The schema is not ours to copy into the repository; the tests
//     pass the one in the shared specs beside it when there is one.
// Usage: node scripts/validate-cards.cjs [--schema adaptive-card.json] <card.json>...
// Prints one JSON line per card ({"file","errors":[...]}) and exits 1 when any card has an error.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const cardFiles = process.argv.slice(2);
const schemaFile = cardFiles[0] === '--schema' ? cardFiles.splice(0, 2)[1] : undefined;
if (cardFiles.length === 0 || (process.argv[2] === '--schema' && !schemaFile)) {
  console.error('usage: validate-cards.cjs [--schema <schema.json>] <card.json>...');
  process.exit(2);
}

let validate;
if (schemaFile !== undefined) {
  const Ajv = require(path.join(root, 'node_modules', 'ajv'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addMetaSchema(require(path.join(root, 'node_modules', 'ajv', 'dist', 'refs', 'json-schema-draft-06.json')));
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  if (schema.id && !schema.$id) {
    // The 1.5 schema declares draft-06 but names itself with draft-04's "id"; ajv wants "$id".
    schema.$id = schema.id;
    delete schema.id;
  }
  validate = ajv.compile(schema);
}

let failed = 0;
for (const file of cardFiles) {
  const card = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = [];

  if (validate !== undefined) {
    const forSchema = { ...card };
    delete forSchema.msteams;
    if (!validate(forSchema)) {
      for (const e of validate.errors) errors.push(`schema: ${e.instancePath || '/'} ${e.message}`);
    }
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
