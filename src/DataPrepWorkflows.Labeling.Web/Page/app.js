// The labeling page: asks the API for the worker's next task, shows text or an image, collects labels (or boxes) and
// submits them. Everything it needs is in this file; it loads nothing from other hosts.
(() => {
  'use strict';
  const api = new URL('api/jobs/', window.location.href.replace(/[^/]*$/, ''));
  const $ = (id) => document.getElementById(id);
  const state = { task: null, chosen: new Set(), boxes: [], drag: null };

  const worker = () => $('worker').value.trim();
  const query = () => worker() ? `?worker=${encodeURIComponent(worker())}` : '';
  const jobUrl = (path) => new URL(`${encodeURIComponent($('job').value)}${path}`, api);

  async function call(url, options) {
    const response = await fetch(url, { headers: { 'Content-Type': 'application/json' }, ...options });
    if (response.status === 204) return null;
    const body = await response.json();
    if (!response.ok) throw new Error(`${body.code} ${body.field}: ${body.message}`);
    return body;
  }

  function say(text) { $('message').textContent = text || ''; }

  function showProgress(counters) {
    const labeled = counters.TotalLabeled ?? counters.labeled ?? 0;
    const total = counters.Total ?? counters.total ?? 0;
    $('progress-bar').style.width = total ? `${(100 * labeled) / total}%` : '0';
    $('progress-text').textContent = `${labeled} of ${total} labeled`;
  }

  async function loadJobs() {
    const jobs = await call(api);
    const select = $('job');
    const previous = select.value || localStorage.getItem('labeling.job');
    select.replaceChildren(...jobs.filter((j) => j.LabelingJobStatus === 'InProgress').map((j) => new Option(j.LabelingJobName, j.LabelingJobName)));
    if (previous && [...select.options].some((o) => o.value === previous)) select.value = previous;
    if (!select.value) { $('task').hidden = true; say('No labeling job is waiting for people.'); return; }
    await nextTask();
  }

  async function nextTask() {
    say('');
    if (!worker()) { say('Enter your worker id to start.'); return; }
    localStorage.setItem('labeling.worker', worker());
    localStorage.setItem('labeling.job', $('job').value);
    const job = await call(jobUrl(''));
    showProgress({ ...job.LabelCounters, Total: job.Total });
    const task = await call(jobUrl(`/tasks/next${query()}`), { method: 'POST' });
    state.task = task;
    state.chosen = new Set();
    state.boxes = [];
    if (!task) { $('task').hidden = true; say(job.LabelingJobStatus === 'InProgress' ? 'No task left for you in this job.' : `The job is ${job.LabelingJobStatus}.`); return; }
    render(task);
  }

  function render(task) {
    $('task').hidden = false;
    $('title').textContent = task.title;
    $('description').textContent = task.description || '';
    $('instructions').textContent = task.instructions || '';
    $('instructions-box').hidden = !task.instructions;
    $('expires').textContent = `claim expires ${new Date(task.expiresAt).toLocaleTimeString()}`;
    const isText = task.taskType.startsWith('Text');
    $('text').hidden = !isText;
    $('image-box').hidden = isText;
    if (isText) {
      $('text').textContent = task.source ?? task.sourceRef;
    } else {
      $('image').onload = () => { const c = $('boxes'); c.width = $('image').clientWidth; c.height = $('image').clientHeight; draw(); };
      $('image').src = jobUrl(`/objects/${task.objectIndex}`);
    }
    $('labels').replaceChildren(...task.labels.map((label, i) => {
      const item = document.createElement('li');
      item.innerHTML = i < 9 ? `<kbd>${i + 1}</kbd>` : '';
      item.append(label);
      item.onclick = () => choose(i);
      return item;
    }));
    showProgress(task.progress);
  }

  function choose(i) {
    const task = state.task;
    if (!task || i >= task.labels.length) return;
    const multi = task.taskType.endsWith('MultiLabel');
    if (multi && state.chosen.has(i)) state.chosen.delete(i);
    else { if (!multi) state.chosen.clear(); state.chosen.add(i); }
    [...$('labels').children].forEach((li, j) => li.classList.toggle('chosen', state.chosen.has(j)));
  }

  function draw() {
    const canvas = $('boxes');
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = '#e0462f';
    g.fillStyle = '#e0462f';
    g.lineWidth = 2;
    const scale = canvas.width / ($('image').naturalWidth || 1);
    for (const b of state.boxes) {
      g.strokeRect(b.left * scale, b.top * scale, b.width * scale, b.height * scale);
      g.fillText(b.label, b.left * scale + 3, b.top * scale + 12);
    }
  }

  function boxPoint(event) {
    const rect = $('boxes').getBoundingClientRect();
    const scale = ($('image').naturalWidth || 1) / rect.width;
    return { x: (event.clientX - rect.left) * scale, y: (event.clientY - rect.top) * scale };
  }

  $('boxes').addEventListener('mousedown', (e) => { state.drag = boxPoint(e); });
  $('boxes').addEventListener('mouseup', (e) => {
    if (!state.drag || state.chosen.size === 0) { state.drag = null; say('Choose a label (1–9) before drawing a box.'); return; }
    const end = boxPoint(e);
    const [label] = [...state.chosen].map((i) => state.task.labels[i]);
    const box = { label, left: Math.min(state.drag.x, end.x), top: Math.min(state.drag.y, end.y), width: Math.abs(end.x - state.drag.x), height: Math.abs(end.y - state.drag.y) };
    state.drag = null;
    if (box.width > 2 && box.height > 2) { state.boxes.push(box); draw(); }
  });

  async function submit() {
    const task = state.task;
    if (!task) return;
    const boxes = task.taskType === 'BoundingBox';
    if (!boxes && state.chosen.size === 0) { say('Choose a label first.'); return; }
    const body = boxes
      ? { labels: [], boxes: state.boxes, imageSize: { width: $('image').naturalWidth, height: $('image').naturalHeight, depth: 3 } }
      : { labels: [...state.chosen].map((i) => task.labels[i]) };
    try {
      await call(jobUrl(`/tasks/${task.objectIndex}/answer${query()}`), { method: 'POST', body: JSON.stringify(body) });
      await nextTask();
    } catch (error) { say(error.message); }
  }

  async function skip() {
    if (!state.task) return;
    await call(jobUrl(`/tasks/${state.task.objectIndex}/skip${query()}`), { method: 'POST' });
    await nextTask();
  }

  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) { if (e.key === 'Enter') nextTask().catch((x) => say(x.message)); return; }
    if (/^[1-9]$/.test(e.key)) choose(Number(e.key) - 1);
    else if (e.key === 'Enter') submit();
    else if (e.key === 's' || e.key === 'S') skip().catch((x) => say(x.message));
    else if (e.key === 'Backspace' && state.boxes.length) { state.boxes.pop(); draw(); }
  });
  $('submit').onclick = submit;
  $('skip').onclick = () => skip().catch((x) => say(x.message));
  $('job').onchange = () => nextTask().catch((x) => say(x.message));
  $('worker').value = localStorage.getItem('labeling.worker') || '';
  $('worker').onchange = () => nextTask().catch((x) => say(x.message));
  loadJobs().catch((x) => say(x.message));
})();
