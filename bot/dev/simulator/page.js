// The simulator page's script: pick a person and a chat, send text and button presses to /dev/api, and poll
// what the bot sent (rendered to HTML by the server, so this file only places it and handles presses).
const POLL_MS = 700;
const STORE = 'ita-dev-simulator';
const $ = (id) => document.getElementById(id);

const state = { directory: undefined, as: '', chat: '', cursor: 0, epoch: 0, busy: false, day: '' };

async function api(path, body) {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`/dev/api/${path}`, init);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.message || `HTTP ${response.status}`);
  return json;
}

function toast(text, isError = false) {
  const box = $('toast');
  box.textContent = text;
  box.classList.toggle('error', isError);
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    box.hidden = true;
  }, 4000);
}

const person = (userId) => state.directory.people.find((p) => p.userId === userId);
const groupName = (id) => state.directory.groups.find((g) => g.id === id)?.name ?? 'กลุ่ม';

function option(value, text) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = text;
  return el;
}

function fillPickers() {
  $('person').replaceChildren(...state.directory.people.map((p) => option(p.userId, p.role)));
  const own = option(state.as, 'แชตส่วนตัวกับบัญชี (1:1)');
  // ★ marks the demo staff member's own agencies: where staff commands and reminders apply.
  const groups = state.directory.groups.map((g) => option(g.id, g.mine ? `${g.name} ★` : g.name));
  $('chat').replaceChildren(own, ...groups);
  $('person').value = state.as;
  $('chat').value = state.chat;
}

function openChat() {
  state.epoch += 1;
  state.cursor = 0;
  state.day = '';
  $('log').replaceChildren();
  $('quick').hidden = true;
  const me = person(state.as);
  const oneToOne = state.chat === state.as;
  $('chat-title').textContent = oneToOne ? state.directory.accountName : groupName(state.chat);
  $('chat-sub').textContent = `ท่านคือ ${me.role} · ${me.name}`;
  $('follow').hidden = !oneToOne;
  $('join').hidden = oneToOne;
  localStorage.setItem(STORE, JSON.stringify({ as: state.as, chat: state.chat }));
  void poll();
}

/** The simulator's clock in the header: the Buddhist-era time the server says, marked when simulated. */
function showClock(clock) {
  if (clock === undefined) return;
  $('clock').textContent = clock.simulated ? `เวลาจำลอง ${clock.label}` : `เวลาจริง ${clock.label}`;
  $('clock').classList.toggle('simulated', clock.simulated);
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function entryNode(entry) {
  if (entry.from === 'note' || entry.from === 'refused') {
    return element('div', `note ${entry.from}`, entry.text);
  }
  const mine = entry.from === 'user' && entry.userId === state.as;
  const row = element('div', `row ${mine ? 'me' : 'them'}`);
  row.dataset.from = entry.from;
  if (!mine)
    row.append(element('div', 'avatar', entry.from === 'bot' ? 'ITA' : (entry.name ?? '?').slice(0, 1)));
  const column = element('div', 'column');
  if (!mine && state.chat !== state.as) {
    column.append(element('div', 'sender', entry.from === 'bot' ? state.directory.accountName : entry.name));
  }
  if (entry.from === 'bot') {
    const body = element('div', 'bot-messages');
    body.innerHTML = entry.html; // rendered and escaped by the server (bot/dev/simulator/render.ts)
    column.append(body);
    const json = element('pre', 'json', JSON.stringify(entry.messages, null, 2));
    column.append(json);
  } else {
    column.append(element('div', 'msg msg-text mine-text', entry.text));
  }
  column.append(element('div', 'time', entry.time));
  row.append(column);
  return row;
}

function place(entry) {
  const log = $('log');
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  // As LINE does: the day above the first message of each day (simulated time, Buddhist era).
  if (entry.day !== state.day) {
    log.append(element('div', 'note day', entry.day));
    state.day = entry.day;
  }
  log.append(entryNode(entry));
  // LINE shows the quick replies of the last message received, until the person sends something.
  if (entry.from === 'bot') showQuick(entry.quickReply);
  if (entry.from === 'user') showQuick(undefined);
  if (atBottom || entry.from === 'user') log.scrollTop = log.scrollHeight;
}

function showQuick(html) {
  const bar = $('quick');
  bar.innerHTML = html ?? ''; // rendered and escaped by the server
  bar.hidden = html === undefined;
}

async function poll() {
  if (state.busy || state.directory === undefined) return;
  state.busy = true;
  const epoch = state.epoch;
  try {
    const data = await api(`messages?chat=${encodeURIComponent(state.chat)}&after=${state.cursor}`);
    if (epoch !== state.epoch) return;
    showClock(data.clock);
    for (const entry of data.entries) {
      if (entry.n <= state.cursor) continue;
      place(entry);
      state.cursor = entry.n;
    }
  } catch (error) {
    toast(`อ่านข้อความไม่สำเร็จ: ${error.message}`, true);
  } finally {
    state.busy = false;
  }
}

async function send(body) {
  $('send').disabled = true;
  try {
    await api('send', { as: state.as, chat: state.chat, ...body });
  } catch (error) {
    toast(`ส่งไม่สำเร็จ: ${error.message}`, true);
  } finally {
    $('send').disabled = false;
    await poll();
  }
}

async function press(action) {
  if (action.kind === 'message') return send({ text: action.text });
  if (action.kind === 'postback') {
    const { data, displayText, label } = action;
    return send({ postback: displayText === undefined ? { data, label } : { data, displayText, label } });
  }
  if (action.kind === 'uri') return window.open(action.uri, '_blank', 'noopener');
  if (action.kind === 'clipboard') {
    await navigator.clipboard.writeText(action.text);
    toast('คัดลอกแล้ว');
  }
}

function onPress(event) {
  const target = event.target.closest('[data-act]');
  if (target === null || target.disabled) return;
  event.preventDefault();
  void press(JSON.parse(target.dataset.act));
}

function bangkokNow() {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
}

function wire() {
  $('person').addEventListener('change', () => {
    state.as = $('person').value;
    state.chat = person(state.as).defaultChat;
    fillPickers();
    openChat();
  });
  $('chat').addEventListener('change', () => {
    state.chat = $('chat').value;
    openChat();
  });
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('text').value;
    if (text.trim() === '') return;
    $('text').value = '';
    void send({ text });
  });
  $('log').addEventListener('click', onPress);
  $('quick').addEventListener('click', onPress);
  $('follow').addEventListener('click', () => send({ event: 'follow' }));
  $('join').addEventListener('click', () => send({ event: 'join' }));
  $('show-json').addEventListener('change', () => {
    document.body.classList.toggle('show-json', $('show-json').checked);
  });
  $('clock-reset').addEventListener('click', async () => {
    try {
      showClock((await api('clock/reset', {})).clock);
    } catch (error) {
      toast(`ตั้งเวลาไม่สำเร็จ: ${error.message}`, true);
    }
    await poll();
  });
  $('tools-toggle').addEventListener('click', () => {
    const open = $('tools').hidden;
    $('tools').hidden = !open;
    $('tools-toggle').setAttribute('aria-expanded', String(open));
  });
  $('tick-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      // The result shows as a note in every chat (the server adds it), so no toast is needed.
      const ran = await api('tick', { at: `${$('tick-at').value}:00+07:00` });
      showClock(ran.clock);
    } catch (error) {
      toast(`รันไม่สำเร็จ: ${error.message}`, true);
    }
    await poll();
  });
}

async function start() {
  wire();
  $('tick-at').value = bangkokNow();
  state.directory = await api('directory');
  const saved = JSON.parse(localStorage.getItem(STORE) ?? '{}');
  const first = state.directory.people[0];
  const known = person(saved.as);
  state.as = known?.userId ?? first.userId;
  const chats = [state.as, ...state.directory.groups.map((g) => g.id)];
  state.chat = known !== undefined && chats.includes(saved.chat) ? saved.chat : person(state.as).defaultChat;
  fillPickers();
  openChat();
  setInterval(() => void poll(), POLL_MS);
}

start().catch((error) => toast(`เปิดตัวจำลองไม่สำเร็จ: ${error.message}`, true));
