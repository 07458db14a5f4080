// Baseline for bench/webhook: a minimal Express server with the official SDK's middleware that only verifies
// the signature and acknowledges — no dedupe, no persistence, no work after the response.
const express = require('express');
const { middleware } = require('@line/bot-sdk');

const app = express();
app.post('/webhook', middleware({ channelSecret: process.env.LINE_CHANNEL_SECRET }), (_req, res) => {
  res.status(200).json({});
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
