// The nursery monitor page: captures the microphone, sends 16 kHz 16-bit PCM frames to the server over a
// WebSocket, keeps the screen awake, survives network drops (frames are kept until the server confirms them and
// sent again after a reconnect; the server drops any it already has) and says clearly when something is wrong.
(() => {
  const root = document.getElementById('monitor');
  if (!root) return;
  const household = root.dataset.household;
  const startButton = document.getElementById('monitor-start');
  const stopButton = document.getElementById('monitor-stop');
  const childSelect = document.getElementById('monitor-child');
  const nameInput = document.getElementById('monitor-name');
  const statusLine = document.getElementById('monitor-status');
  const stageLine = document.getElementById('monitor-stage');
  const meter = document.getElementById('monitor-level');

  const deviceId = localStorage.getItem('securebase.device') || crypto.randomUUID();
  localStorage.setItem('securebase.device', deviceId);
  const maxBufferedFrames = 300; // 30 s of 100 ms frames: MonitorProtocol.MaxClientBufferSeconds, half the server's burst allowance
  let socket = null;
  let context = null;
  let stream = null;
  let running = false;
  let retryDelay = 1000;
  let wakeLock = null;
  let pending = []; // [{seq, bytes}] not yet confirmed by the server
  // Sequence numbers only grow, across reloads too: the server drops anything it has already heard.
  let sequence = Math.max(Number(localStorage.getItem('securebase.seq') || 0), Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 100));

  function say(text, kind) {
    statusLine.textContent = text;
    statusLine.className = kind || '';
  }

  function frameOf(samples) {
    sequence += 1;
    const bytes = new Uint8Array(4 + samples.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, sequence, true);
    for (let i = 0; i < samples.length; i++) view.setInt16(4 + i * 2, samples[i], true);
    return { seq: sequence, bytes };
  }

  function level(samples) {
    let sum = 0;
    for (let i = 0; i < samples.length; i++) sum += (samples[i] / 32768) ** 2;
    const db = sum > 0 ? 10 * Math.log10(sum / samples.length) : -90;
    meter.value = Math.max(-90, db);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame.bytes);
  }

  function connect() {
    if (!running) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = new URLSearchParams({ childId: childSelect.value, rate: '16000', device: deviceId, name: nameInput.value || 'Nursery monitor' });
    socket = new WebSocket(`${scheme}://${location.host}/api/households/${household}/monitor/stream?${query}`);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      retryDelay = 1000;
      say('Listening. Keep this page open and the phone plugged in.', 'ok');
      pending.forEach(send); // what was captured while offline
      reportBattery();
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type !== 'state') return;
      pending = pending.filter((f) => f.seq > message.seq);
      stageLine.textContent = message.stage === 'quiet' ? 'Quiet' : `Heard: ${message.stage}`;
      stageLine.dataset.stage = message.stage;
    };
    socket.onclose = (event) => {
      socket = null;
      if (!running) return;
      if (event.code === 1008) {
        say(`The server stopped this monitor: ${event.reason}`, 'error');
        stop();
        return;
      }
      if (event.code === 1001) retryDelay = 1000; // the server is restarting: it will be back soon
      say(event.code === 1001 ? 'The server is restarting. Reconnecting… (sound is kept meanwhile)' : 'Connection lost. Reconnecting… (sound is kept meanwhile)', 'warn');
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    };
  }

  async function keepAwake() {
    try {
      if ('wakeLock' in navigator && document.visibilityState === 'visible') wakeLock = await navigator.wakeLock.request('screen');
    } catch {
      // Not allowed here (e.g. battery saver): the page still works, the screen may dim.
    }
  }

  async function reportBattery() {
    if (!navigator.getBattery || !socket || socket.readyState !== WebSocket.OPEN) return;
    const battery = await navigator.getBattery();
    const report = () => socket && socket.readyState === WebSocket.OPEN &&
      socket.send(JSON.stringify({ type: 'battery', level: battery.level, charging: battery.charging }));
    battery.onlevelchange = report;
    battery.onchargingchange = report;
    report();
  }

  async function start() {
    if (!childSelect.value) {
      say('Add a child first, then start the monitor.', 'error');
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch (error) {
      say(error && error.name === 'NotAllowedError'
        ? 'The microphone is blocked for this page. Allow it in the browser settings, then start again.'
        : 'No microphone could be opened on this device.', 'error');
      return;
    }
    context = new AudioContext();
    await context.audioWorklet.addModule('/js/pcm-capture.worklet.js');
    const source = context.createMediaStreamSource(stream);
    const capture = new AudioWorkletNode(context, 'pcm-capture');
    capture.port.onmessage = (event) => {
      const frame = frameOf(event.data);
      localStorage.setItem('securebase.seq', String(sequence));
      level(event.data);
      pending.push(frame);
      if (pending.length > maxBufferedFrames) pending.shift();
      send(frame);
    };
    source.connect(capture);
    stream.getAudioTracks().forEach((track) => {
      track.onended = () => say('The microphone stopped (unplugged, or taken by another app). Start the monitor again.', 'error');
    });
    running = true;
    startButton.hidden = true;
    stopButton.hidden = false;
    childSelect.disabled = true;
    say('Connecting…');
    await keepAwake();
    connect();
  }

  function stop() {
    running = false;
    if (socket) socket.close(1000, 'Stopped');
    if (stream) stream.getTracks().forEach((t) => t.stop());
    if (context) context.close();
    if (wakeLock) wakeLock.release();
    startButton.hidden = false;
    stopButton.hidden = true;
    childSelect.disabled = false;
  }

  document.addEventListener('visibilitychange', () => { if (running) keepAwake(); });
  startButton.addEventListener('click', start);
  stopButton.addEventListener('click', () => { stop(); say('Stopped. Nothing is being heard.'); });
  if (root.dataset.autostart === '1') start();
})();
