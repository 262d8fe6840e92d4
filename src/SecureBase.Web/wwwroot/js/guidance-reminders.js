// Feed reminders ("a feed is due", "may well be hungry by now") arrive on the alerts hub, like cry alerts, and are
// shown in the same alert panel: a gentle card with a way to log the feed, and a notification when the page is hidden.
(() => {
  const panel = document.getElementById('alerts');
  if (!panel || !window.signalR) return;
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/alerts').withAutomaticReconnect().build();
  connection.on('alert', () => {}); // cry alerts are alerts.js's
  connection.on('reminder', (r) => {
    const key = `feed-${r.childId}`;
    let card = panel.querySelector(`[data-reminder="${key}"]`);
    if (!card) {
      card = document.createElement('section');
      card.className = 'alert-card reminder';
      card.setAttribute('role', 'status');
      card.dataset.reminder = key;
      panel.append(card);
    }
    card.dataset.state = r.state;
    card.replaceChildren();
    const text = document.createElement('p');
    text.className = 'alert-text';
    text.textContent = r.text;
    const actions = document.createElement('div');
    actions.className = 'actions';
    const log = document.createElement('a');
    log.className = 'button';
    log.href = `/?child=${r.childId}`;
    log.textContent = 'Log a feed';
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.className = 'secondary';
    ok.textContent = 'OK';
    ok.addEventListener('click', () => card.remove());
    actions.append(log, ok);
    card.append(text, actions);
    if (document.hidden && window.Notification && Notification.permission === 'granted') {
      new Notification(r.childName, { body: r.text, tag: key });
    }
  });
  const begin = () => connection.start().catch(() => setTimeout(begin, 5000));
  begin();
})();
