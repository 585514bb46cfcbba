#!/usr/bin/env node
/**
 * `npm start`: builds what is stale (build-if-stale.js), then runs the server in this same
 * process, so a warm restart pays for one Node.js start, not two.
 */
'use strict';
const path = require('node:path');
const { main: buildIfStale } = require('./build-if-stale');

buildIfStale([]);
require(path.resolve(__dirname, '..', 'dist', 'api', 'src', 'main.js'));
