interface Cache<Key, Value> {
  get(key: Key): Value | undefined;
  has(key: Key): boolean;
  set(key: Key, value: Value): unknown;
}

function lookUpOrCompute<Key, Value>(cache: Cache<Key, Value>, key: Key, compute: (key: Key) => Value): Value {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    value = compute(key);
    cache.set(key, value);
  }
  return value as Value;
}

/**
 * Wraps `compute` so that it runs once per key object; the results live as long as their keys
 * (a file's options, a file). No last-key shortcut here: a module-level memo holding its last
 * key strongly would keep the last file's whole tree alive after ESLint is done with it.
 */
export function memoizeByObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>();
  return (key) => lookUpOrCompute(cache, key, compute);
}

/**
 * The same for keys that live exactly as long as the memo: the nodes of the one file a detector
 * serves. A plain `Map` then frees the same way, and costs the garbage collector less than a
 * `WeakMap` holding every node asked about. The last key asked about answers without a lookup:
 * the rules of one file ask about the same node several times in a row.
 */
export function memoizeForFile<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new Map<Key, Value>();
  let lastKey: Key | undefined;
  let lastValue: Value | undefined;
  let hasLast = false;
  return (key) => {
    if (hasLast && key === lastKey) return lastValue as Value;
    lastValue = lookUpOrCompute(cache, key, compute);
    lastKey = key;
    hasLast = true;
    return lastValue;
  };
}
