// Runs on the audio thread: turns the microphone's float samples (at the device's rate) into 16 kHz
// signed 16-bit chunks of 100 ms, and posts them to the page. A one-pole low-pass before the linear
// interpolation keeps most aliasing out of the band the cry detector listens to (250–1600 Hz f0 and harmonics).
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.outRate = 16000;
    this.step = sampleRate / this.outRate;
    this.position = 0;
    this.previous = 0;
    this.smoothed = 0;
    this.alpha = Math.min(1, (2 * Math.PI * 7000) / sampleRate);
    this.chunk = new Int16Array(1600);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      const filtered = this.smoothed + this.alpha * (channel[i] - this.smoothed);
      // Emit every output sample that falls between the previous input sample and this one.
      while (this.position <= 1) {
        const value = this.previous + (filtered - this.previous) * this.position;
        this.chunk[this.filled++] = Math.max(-32768, Math.min(32767, Math.round(value * 32767)));
        if (this.filled === this.chunk.length) {
          this.port.postMessage(this.chunk, [this.chunk.buffer]);
          this.chunk = new Int16Array(1600);
          this.filled = 0;
        }
        this.position += this.step;
      }
      this.position -= 1;
      this.previous = filtered;
      this.smoothed = filtered;
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCapture);
