interface Cache<Key, Value> {
  get(key: Key): Value | undefined;
  has(key: Key): boolean;
  set(key: Key, value: Value): unknown;
}

/**
 * The last key asked about answers without a lookup: the rules of one file ask about the same
 * file (or options, or node) many times in a row.
 */
function memoizeIn<Key, Value>(cache: Cache<Key, Value>, compute: (key: Key) => Value): (key: Key) => Value {
  let lastKey: Key | undefined;
  let lastValue: Value | undefined;
  let hasLast = false;
  return (key) => {
    if (hasLast && key === lastKey) return lastValue as Value;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      cache.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    hasLast = true;
    return value as Value;
  };
}

/**
 * Wraps `compute` so that it runs once per key object; the results live as long as their keys
 * (a file's options, a file).
 */
export function memoizeByObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  return memoizeIn(new WeakMap<Key, Value>(), compute);
}

/**
 * The same for keys that live exactly as long as the memo: the nodes of the one file a detector
 * serves. A plain `Map` then frees the same way, and costs the garbage collector less than a
 * `WeakMap` holding every node asked about.
 */
export function memoizeForFile<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  return memoizeIn(new Map<Key, Value>(), compute);
}
