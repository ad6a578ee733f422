// A dashboard endpoint that fans out to three services.
interface Profile {
  name: string;
}

declare function getProfile(userId: string): Promise<Profile>;
declare function getOrders(userId: string): Promise<string[]>;
declare function getRecommendations(userId: string): Promise<string[]>;

export async function loadDashboard(userId: string) {
  // Awaited, so a failure reaches the caller (reported by the strict config, which wants each
  // batch to decide what a partial failure means).
  const [profile, orders, picks] = await Promise.all([
    getProfile(userId),
    getOrders(userId),
    getRecommendations(userId),
  ]);
  return { profile, orders, picks };
}

export function warmCaches(userIds: string[]): void {
  try {
    // Not awaited: the catch below never sees a failure, which becomes an unhandled rejection.
    Promise.all(userIds.map(getProfile));
  } catch (error) {
    console.error('cache warm-up failed', error);
  }
}

export function refreshRecommendations(userIds: string[]): void {
  // .then() without a rejection handler: one failed request and the process exits.
  Promise.all(userIds.map(getRecommendations)).then((lists) => console.log(`${lists.length} refreshed`));
}

export async function loadWithTimeout(userId: string) {
  // The 2-second timer is never cleared: it outlives every fast response.
  return Promise.race([
    getProfile(userId),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000)),
  ]);
}

export async function loadDashboardSafely(userId: string) {
  // Right: every outcome inspected, partial results still served.
  const [profile, orders, picks] = await Promise.allSettled([
    getProfile(userId),
    getOrders(userId),
    getRecommendations(userId),
  ]);
  return {
    profile: profile.status === 'fulfilled' ? profile.value : null,
    orders: orders.status === 'fulfilled' ? orders.value : [],
    picks: picks.status === 'fulfilled' ? picks.value : [],
  };
}
