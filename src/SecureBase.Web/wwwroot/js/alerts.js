// Live cry alerts for a signed-in caregiver: received through SignalR, shown once per version, with sound,
// vibration and a notification where the browser allows. "I'm going", "I'm with her/him", then the response form,
// prefilled with the likely need, in a few taps. Nobody types a time: the server records the taps' times.
(() => {
  const panel = document.getElementById('alerts');
  if (!panel || !window.signalR) return;
  const seen = new Set(JSON.parse(sessionStorage.getItem('securebase.alerts.seen') || '[]'));
  const cards = new Map();
  const actionNames = {
    feed: 'Feed', diaper: 'Diaper', burp: 'Burp', holdSoothe: 'Hold / soothe', play: 'Play',
    helpToSleep: 'Help to sleep', comfort: 'Too warm / cold', medical: 'Medical', other: 'Other',
  };
  const states = ['calm', 'tired', 'stressed', 'anxious', 'angry', 'overwhelmed'];
  let audio = null;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/alerts')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(10000, 1000 * (c.previousRetryCount + 1)) })
    .build();

  connection.on('alert', (alert) => {
    // Shown once per state, not per version number: a restarted server numbers an alert's versions afresh. An urgent
    // alert's repeats are new versions of the same state and must ring again, so they keep their number.
    const key = [alert.id, alert.status, alert.stage, alert.urgent ? alert.version : 0, alert.cryEnded, alert.acknowledgedBy, alert.arrivedBy].join(':');
    connection.invoke('Confirm', alert.id, alert.version).catch(() => {});
    if (seen.has(key)) return;
    seen.add(key);
    sessionStorage.setItem('securebase.alerts.seen', JSON.stringify([...seen].slice(-200)));
    show(alert);
  });
  connection.onreconnecting(() => panel.dataset.connection = 'reconnecting');
  connection.onreconnected(() => panel.dataset.connection = 'connected');

  async function begin() {
    try {
      await connection.start();
      panel.dataset.connection = 'connected';
    } catch {
      setTimeout(begin, 3000);
    }
  }
  begin();
  // Browsers only allow sound and notifications after a tap: take the first one.
  document.addEventListener('click', () => {
    if (!audio) audio = new AudioContext();
    if (window.Notification && Notification.permission === 'default') Notification.requestPermission();
  }, { once: true });

  function chime(urgent) {
    if (!audio) return;
    const now = audio.currentTime;
    [0, 0.25].concat(urgent ? [0.5, 0.75] : []).forEach((offset) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = urgent ? 880 : 660;
      gain.gain.setValueAtTime(0.2, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.2);
      tone.connect(gain).connect(audio.destination);
      tone.start(now + offset);
      tone.stop(now + offset + 0.22);
    });
  }

  function show(alert) {
    let card = cards.get(alert.id);
    const fresh = !card;
    if (alert.status === 'resolved') {
      // Closed elsewhere (or by this phone's own save, whose "Saved" note stays a moment): take the card away.
      if (card && !card.dataset.saving) {
        card.remove();
        cards.delete(alert.id);
      }
      return;
    }
    if (!card) {
      card = document.createElement('section');
      card.className = 'alert-card';
      card.setAttribute('role', 'alert');
      card.dataset.alert = alert.id;
      panel.prepend(card);
      cards.set(alert.id, card);
    }
    const wasOpen = card.querySelector('form.respond');
    card.classList.toggle('urgent', alert.urgent);
    card.dataset.status = alert.status;
    if (!wasOpen) render(card, alert);
    else card.querySelector('.alert-text').textContent = alert.text;
    if (fresh || alert.urgent) {
      chime(alert.urgent);
      if (navigator.vibrate) navigator.vibrate(alert.urgent ? [300, 100, 300, 100, 300] : [200, 100, 200]);
      if (document.hidden && window.Notification && Notification.permission === 'granted') {
        new Notification(alert.urgent ? 'Urgent: ' + alert.childName : alert.childName, { body: alert.text, tag: alert.id, renotify: alert.urgent });
      }
    }
  }

  function render(card, alert) {
    card.replaceChildren();
    const title = document.createElement('p');
    title.className = 'alert-text';
    title.textContent = alert.text;
    card.append(title);
    if (alert.needs && alert.needs.length) {
      const reasons = document.createElement('ul');
      reasons.className = 'alert-reasons';
      alert.needs.slice(0, 3).forEach((n) => {
        const li = document.createElement('li');
        li.textContent = n.reasons.length ? `${n.need}: ${n.reasons.join(', ')}` : n.need;
        reasons.append(li);
      });
      card.append(reasons);
    }
    const who = document.createElement('p');
    who.className = 'muted';
    who.textContent = alert.arrivedBy ? `${alert.arrivedBy} is with ${alert.pronoun}.` : alert.acknowledgedBy ? `${alert.acknowledgedBy} is on the way.` : alert.cryEnded ? 'The monitor heard the crying stop.' : '';
    card.append(who);
    const buttons = document.createElement('div');
    buttons.className = 'actions';
    if (alert.status === 'open') buttons.append(button("I'm going", () => connection.invoke('Going', alert.id)));
    if (alert.status === 'open' || alert.status === 'acknowledged') {
      buttons.append(button(`I'm with ${alert.pronoun}`, async () => {
        await connection.invoke('Arrived', alert.id);
        card.replaceChildren(responseForm(alert, card));
      }));
    }
    buttons.append(button('Log response', () => card.replaceChildren(responseForm(alert, card)), 'secondary'));
    card.append(buttons);
  }

  function button(text, onClick, kind) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (kind) b.className = kind;
    b.addEventListener('click', onClick);
    return b;
  }

  function responseForm(alert, card) {
    const form = document.createElement('form');
    form.className = 'respond';
    const order = [];
    const guess = alert.needs && alert.needs.length ? alert.needs[0].action : 'holdSoothe';
    form.innerHTML = `<p class="alert-text">${escapeHtml(alert.text)}</p>
      <p class="muted">What did you do? Tap in order.</p>
      <div class="chips actions-taken"></div>
      <label>Which one settled ${escapeHtml(alert.pronoun)}?<select name="resolvedBy"><option value="">Not settled yet</option></select></label>
      <div class="chips">
        <label class="check"><input type="checkbox" name="talked" checked> Talked to ${escapeHtml(alert.pronoun)}</label>
        <label class="check"><input type="checkbox" name="eyeContact" checked> Eye contact</label>
        <label class="check"><input type="checkbox" name="warm" checked> Warm, smiling</label>
      </div>
      <label>How were you?<select name="state">${states.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
      <label>Busy with (optional)<input name="busyWith" maxlength="200" placeholder="cooking, a call…"></label>
      <div class="actions"><button type="submit">Save</button></div>
      <p class="error" hidden></p>`;
    const chips = form.querySelector('.actions-taken');
    const resolved = form.querySelector('select[name=resolvedBy]');
    Object.entries(actionNames).forEach(([value, text]) => {
      const chip = button(text, () => {
        const at = order.indexOf(value);
        if (at >= 0) order.splice(at, 1); else order.push(value);
        chips.querySelectorAll('button').forEach((c) => {
          const index = order.indexOf(c.dataset.action);
          c.classList.toggle('on', index >= 0);
          c.dataset.order = index >= 0 ? String(index + 1) : '';
        });
        resolved.replaceChildren(new Option('Not settled yet', ''), ...order.map((o) => new Option(actionNames[o], o)));
        if (order.length) resolved.value = order[order.length - 1];
      }, 'chip');
      chip.dataset.action = value;
      chips.append(chip);
    });
    chips.querySelector(`[data-action="${guess}"]`)?.click();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      card.dataset.saving = '1';
      const data = new FormData(form);
      const body = {
        actions: order, resolvedBy: data.get('resolvedBy') || null,
        talked: data.get('talked') === 'on', eyeContact: data.get('eyeContact') === 'on', warm: data.get('warm') === 'on',
        state: data.get('state'), busyWith: data.get('busyWith') || null,
      };
      const response = await fetch(`/api/households/${alert.householdId}/cries/${alert.id}/response`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin',
      });
      if (response.ok) {
        card.replaceChildren(Object.assign(document.createElement('p'), { className: 'flash', textContent: 'Saved. Thank you.' }));
        setTimeout(() => { card.remove(); cards.delete(alert.id); }, 4000);
      } else {
        delete card.dataset.saving;
        const problem = await response.json().catch(() => ({}));
        const error = form.querySelector('.error');
        error.hidden = false;
        error.textContent = problem.detail || problem.title || 'That did not save; please try again.';
      }
    });
    return form;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
})();
