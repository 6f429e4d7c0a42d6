#!/usr/bin/env node
// Expands card templates with the official Adaptive Card templating engine (npm adaptivecards-templating with
// adaptive-expressions): the reference that src/RegieBot.Cards/CardTemplate.cs is compared with.
// Usage: node scripts/expand-cards.cjs <expansions.json>
//   expansions.json: [{"template": "cards/welkom.json", "data": {...}}, ...]: a template path relative to the
//   repository, or the template itself (a JSON object) in "template"
// Prints one JSON array: per expansion the expanded card, or {"error": "..."} when the engine threw.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const ACData = require(path.join(root, 'node_modules', 'adaptivecards-templating'));

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: expand-cards.cjs <expansions.json>');
  process.exit(2);
}

const templates = new Map();
function template(name) {
  if (typeof name === 'object') return new ACData.Template(name);
  if (!templates.has(name)) {
    templates.set(name, new ACData.Template(JSON.parse(fs.readFileSync(path.join(root, name), 'utf8'))));
  }
  return templates.get(name);
}

const results = JSON.parse(fs.readFileSync(file, 'utf8')).map(({ template: name, data }) => {
  try {
    return template(name).expand({ $root: data });
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(results));
