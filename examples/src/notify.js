// Plain JavaScript works too: no types needed for what the file itself shows.
const { promises: fs } = require('node:fs');

async function sendEmail(to, body) {
  await fetch('https://mail.example/send', { method: 'POST', body: JSON.stringify({ to, body }) });
}

function notifyAll(users) {
  for (const user of users) {
    // Floating: a failed send is an unhandled rejection.
    sendEmail(user.email, 'Your order shipped');
  }
  // The log write is never awaited or handled.
  fs.appendFile('notify.log', `${users.length} notified\n`);
}

async function notifyAllSafely(users) {
  // Right: every send awaited, failures reach the caller.
  await Promise.all(users.map((user) => sendEmail(user.email, 'Your order shipped')));
}

module.exports = { notifyAll, notifyAllSafely };
