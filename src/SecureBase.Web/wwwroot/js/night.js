// Night mode's countdown to the next check-in. The server decides when to go in (it replays the night on its clock);
// this only counts down to that instant on the phone's clock, so nobody has to watch the minutes.
(() => {
  const timer = document.getElementById('night-timer');
  if (!timer) return;
  const goInAt = Number(timer.dataset.goInAt);
  const advice = document.getElementById('advice');
  let due = false;
  function tick() {
    const left = goInAt - Date.now();
    if (left <= 0) {
      if (!due) {
        due = true;
        timer.textContent = 'Time to go in';
        timer.classList.add('due');
        advice.textContent = timer.dataset.dueText;
        if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
      }
      return;
    }
    const seconds = Math.ceil(left / 1000);
    const m = Math.floor(seconds / 60);
    const s = String(seconds % 60).padStart(2, '0');
    timer.textContent = `Go in at ${timer.dataset.goInLocal}: ${m}:${s} left`;
  }
  tick();
  setInterval(tick, 1000);
})();
