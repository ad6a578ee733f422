import noBlockingInAsync from './no-blocking-in-async.js';
import noFloatingPromises from './no-floating-promises.js';
import noMisusedAsyncCallback from './no-misused-async-callback.js';
import noUnclosedResources from './no-unclosed-resources.js';
import noUnguardedPromiseAll from './no-unguarded-promise-all.js';
import preferPromiseAll from './prefer-promise-all.js';
import requireAbortSignal from './require-abort-signal.js';

export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-floating-promises': noFloatingPromises,
  'no-misused-async-callback': noMisusedAsyncCallback,
  'no-unclosed-resources': noUnclosedResources,
  'no-unguarded-promise-all': noUnguardedPromiseAll,
  'prefer-promise-all': preferPromiseAll,
  'require-abort-signal': requireAbortSignal,
};
