// An order service with the async mistakes that take services down.
import { writeFile } from 'node:fs/promises';

interface Order {
  id: string;
  total: number;
}

async function saveOrder(order: Order): Promise<void> {
  await writeFile(`orders/${order.id}.json`, JSON.stringify(order));
}

async function chargeCard(order: Order): Promise<string> {
  const response = await fetch('https://payments.example/charge', {
    method: 'POST',
    body: JSON.stringify({ amount: order.total }),
  });
  return response.text();
}

export function placeOrder(order: Order): void {
  // Floating: if the write fails, the rejection is unhandled and Node exits.
  saveOrder(order);
}

export async function checkout(order: Order): Promise<string> {
  // Stored and never read: the audit write's failure is lost.
  const audit = writeFile('audit.log', `checkout ${order.id}\n`, { flag: 'a' });
  const receipt = chargeCard(order);
  const saved = saveOrder(order);
  // While the function waits for the receipt, `saved` has no handler: if the save
  // rejects first, Node reports an unhandled rejection and exits.
  const id = await receipt;
  await saved;
  return id;
}

export function refresh(orders: Order[]): void {
  // .then() without a rejection handler.
  saveOrder(orders[0]!).then(() => console.log('saved'));
  // An array of promises nobody waits for.
  orders.map(async (order) => saveOrder(order));
}

export async function safeCheckout(order: Order): Promise<string> {
  // Right: started together, awaited together, failures reach the caller.
  const [id] = await Promise.all([chargeCard(order), saveOrder(order)]);
  return id;
}
