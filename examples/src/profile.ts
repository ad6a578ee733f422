// A profile page that waits for each service in turn.
declare const users: { getUser(id: string): Promise<{ id: string; name: string }> };
declare const shop: { getOrders(userId: string): Promise<string[]>; getWishlist(userId: string): Promise<string[]> };
declare function resizeAvatar(path: string): Promise<void>;

export async function loadProfile(id: string) {
  const user = await users.getUser(id); // needed below: this one must come first
  // These two do not depend on each other, yet the second starts only when the first is done.
  const orders = await shop.getOrders(user.id);
  const wishlist = await shop.getWishlist(user.id);
  return { user, orders, wishlist };
}

export async function resizeAll(paths: string[]) {
  // One resize at a time, although each is independent of the others.
  for (const path of paths) {
    await resizeAvatar(path);
  }
}
