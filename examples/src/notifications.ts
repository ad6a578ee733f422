// A notification worker whose callbacks nobody waits for.
import { EventEmitter } from 'node:events';

declare const subscribers: string[];
declare function isSubscribed(email: string): Promise<boolean>;
declare function sendEmail(email: string, text: string): Promise<void>;

export const queue = new EventEmitter();

export async function announce(text: string) {
  // filter() reads each promise as "true": everyone gets the mail, subscribed or not.
  const recipients = subscribers.filter(async (email) => isSubscribed(email));
  // forEach() returns at once: "done" is logged before any mail is sent, failures are lost.
  recipients.forEach(async (email) => {
    await sendEmail(email, text);
  });
  console.log('done');
}

// A failed send is an unhandled rejection: the process exits.
queue.on('message', async (email: string) => {
  await sendEmail(email, 'You have a message');
});
