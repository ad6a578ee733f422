/**
 * Wraps `compute` so that it runs once per key object; the results live as long as their keys
 * (an AST node, a file's options).
 */
export function memoizeByObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>();
  return (key) => {
    const cached = cache.get(key);
    if (cached !== undefined || cache.has(key)) return cached as Value;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
