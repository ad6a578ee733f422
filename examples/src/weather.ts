// A weather widget backend: one slow upstream and every request hangs with it.
import { setTimeout as sleep } from 'node:timers/promises';

export async function currentWeather(city: string) {
  // No signal: if the upstream never answers, neither does this function.
  const response = await fetch(`https://weather.example/api/${city}`);
  return response.json();
}

export async function withRetry(work: () => Promise<unknown>, signal: AbortSignal) {
  try {
    return await work();
  } catch {
    // The caller's signal is not passed on: cancelling the request does not cancel the wait.
    await sleep(500);
    return work();
  }
}
