// list-sdk.mjs: list every integration of a running inflow-sim with the
// official Vantage TypeScript SDK (tests/bench/package-lock.json)
//
// Copyright 2026 The Inflow authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
//   node list-sdk.mjs BASE_URL [TOKEN]
//
// BASE_URL is the origin (http://127.0.0.1:PORT): the SDK resolves its own
// absolute paths ("/v2/integrations") against it. The SDK does not follow
// links itself, so this asks for page 1, 2, ... with the largest limit until
// links.next is null, as the SDK's users do. Prints "sdk: ITEMS items in MS ms".

import { APIV2Client } from '@vantage-sh/vantage-client';

const [baseUrl, token = 'demo-token'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node list-sdk.mjs BASE_URL [TOKEN]');
  process.exit(1);
}

const client = new APIV2Client(token, false, baseUrl);
const start = performance.now();
const integrations = [];

for (let page = 1; ; page++) {
  const result = await client.integrations.list({ page, limit: 1000 });
  integrations.push(...result.integrations);
  if (!result.links || !result.links.next)
    break;
}

const ms = performance.now() - start;
console.log(`sdk: ${integrations.length} items in ${ms.toFixed(1)} ms`);
