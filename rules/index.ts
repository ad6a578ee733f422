import noFloatingPromises from './no-floating-promises.js';

export const rules = {
  'no-floating-promises': noFloatingPromises,
};
