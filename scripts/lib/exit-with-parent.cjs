// Preloaded into the node services our scripts and tests start (NODE_OPTIONS=--require …/exit-with-parent.cjs):
// the service exits when the process that started it is gone, so a killed test host or script cannot leave
// Azurite or the Agents Playground running.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
