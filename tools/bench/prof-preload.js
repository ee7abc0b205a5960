// Toggle a CPU profile on SIGWINCH (Nest's shutdown hooks take SIGUSR2): first signal starts, the next stops and writes PROF_DIR/prof-<n>.cpuprofile.
const inspector = require('inspector');
const fs = require('fs');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
let running = false; let n = 0;
process.on('SIGWINCH', () => {
  if (!running) { running = true; session.post('Profiler.start'); return; }
  running = false;
  session.post('Profiler.stop', (err, { profile }) => {
    fs.writeFileSync(`${process.env.PROF_DIR}/prof-${n++}.cpuprofile`, JSON.stringify(profile));
  });
});
