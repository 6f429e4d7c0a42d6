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
let validateDataQuery;
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

  // Teams' typeahead on Input.ChoiceSet (static: style "filtered"; dynamic: "choices.data", a Data.Query) is defined
  // in the 1.6 schema; Teams honours it in cards of any version (its typeahead docs use it in a 1.2 card), while the
  // 1.5 schema forbids both. Like "msteams", they are taken out before the 1.5 check ("filtered" read as "compact")
  // and the Data.Query is checked on its own against its 1.6 definition, when that schema lies beside the 1.5 one.
  const schema16File = path.join(path.dirname(schemaFile), 'adaptive-card-1.6.json');
  if (fs.existsSync(schema16File)) {
    const dataQuery = JSON.parse(fs.readFileSync(schema16File, 'utf8')).definitions['Data.Query'];
    validateDataQuery = new Ajv({ allErrors: true, strict: false }).compile(dataQuery);
  }
}

function takeTypeahead(node, found) {
  if (Array.isArray(node)) {
    node.forEach(n => takeTypeahead(n, found));
  } else if (node && typeof node === 'object') {
    if (node.type === 'Input.ChoiceSet' && 'choices.data' in node) {
      found.push(node['choices.data']);
      delete node['choices.data'];
    }
    if (node.type === 'Input.ChoiceSet' && typeof node.style === 'string' && node.style.toLowerCase() === 'filtered') {
      node.style = 'compact';
    }
    Object.values(node).forEach(n => takeTypeahead(n, found));
  }
  return found;
}

let failed = 0;
for (const file of cardFiles) {
  const card = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = [];

  if (validate !== undefined) {
    const forSchema = JSON.parse(JSON.stringify(card));
    delete forSchema.msteams;
    for (const query of takeTypeahead(forSchema, [])) {
      if (validateDataQuery && (!validateDataQuery(query) || query.type !== 'Data.Query' || typeof query.dataset !== 'string')) {
        errors.push(`schema: choices.data is not a Data.Query: ${JSON.stringify(query)}`);
      }
    }
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
