// Preloaded into the Agents Playground (NODE_OPTIONS=--require …/loopback.cjs).
// Playground 0.2.28 has no option for its listen address and binds every interface; its API is
// unauthenticated and can post as any mock user, so we bind every server it opens to 127.0.0.1.
'use strict';
const net = require('net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') {
      args.splice(1, 0, '127.0.0.1');
    }
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  } else if (first !== null && typeof first === 'object' && !('path' in first) && !('fd' in first)
    && !('_handle' in first) && first.host === undefined) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
