// Leak program node-steady-lru: no leak. A bounded LRU cache (a Map whose oldest key is deleted once it holds
// more than LRU_SIZE entries) of UserProfile objects churns under lookups over more keys than it can hold (half of
// them on 100 hot users, half striding over all 2000): full from the first phase on, then the same size in every
// snapshot. Plus a table built once and garbage per lookup.
// A leak report must list nothing. The truth is in node-steady-lru.truth.json beside this file.
//
// usage: node --expose-gc node-steady-lru.js OUT_DIR   (writes OUT_DIR/node-steady-lru-{1..4}.heapsnapshot)
'use strict';
const { outDirFromArgs, runPhases } = require('./phase-snapshots');

const LRU_SIZE = 500;
const USERS = 2000;
const LOOKUPS_PER_PHASE = 5000;
const outDir = outDirFromArgs('node-steady-lru');

class UserProfile {
  constructor(id) {
    this.id = id;
    this.name = 'user-' + id;
    this.visits = 0;
  }
}

class LruCache {
  constructor(limit) {
    this.limit = limit;
    this.entries = new Map();
  }
  get(key, load) {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = load(key);
    } else {
      this.entries.delete(key); // re-inserted below as the newest
    }
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value);
    return value;
  }
}

// Built once and kept: not a leak.
const PLANS = new Map();
for (let i = 0; i < 50; i++) PLANS.set(i, { title: 'plan-' + i, seats: i * 10 });

const profiles = new LruCache(LRU_SIZE);
const HOT_USERS = 100;
function userOfLookup(i) { // half the lookups hit a few hot users, half stride through all of them
  return i % 2 === 0 ? (i * 7) % HOT_USERS : (i * 7919) % USERS;
}

let visits = 0;
runPhases(outDir, 'node-steady-lru', () => {
  for (let i = 0; i < LOOKUPS_PER_PHASE; i++) {
    const profile = profiles.get(userOfLookup(i), (id) => new UserProfile(id));
    profile.visits++;
    const view = { profile, plan: PLANS.get(profile.id % 50), rendered: `<b>${profile.name}</b> ${profile.visits}` };
    visits += view.rendered.length;
  }
}, () => `profiles=${profiles.entries.size} visits=${visits}`);
