// Draws /api/status: the stage table, the supervised processes and one line chart per history series; refreshes every 5 s.
(function () {
  'use strict';
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  var charts = {};

  function label(ms) {
    return new Date(ms).toISOString().substring(11, 19);
  }

  function drawStages(stages) {
    var body = document.getElementById('stages');
    body.innerHTML = '';
    stages.forEach(function (s) {
      var row = document.createElement('tr');
      row.className = s.status;
      row.setAttribute('data-stage', s.stage);
      ['status', 'stage', 'detail'].forEach(function (key) {
        var cell = document.createElement('td');
        cell.className = key;
        cell.textContent = s[key];
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  function cell(row, className, text) {
    var td = document.createElement('td');
    td.className = className;
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function drawProcesses(processes) {
    var section = document.getElementById('processes-section');
    section.hidden = processes.length === 0;
    var body = document.getElementById('processes');
    body.innerHTML = '';
    processes.forEach(function (p) {
      var row = document.createElement('tr');
      row.className = p.state;
      row.setAttribute('data-process', p.process);
      row.setAttribute('data-restarts', String(p.restarts));
      cell(row, 'state', p.state);
      cell(row, 'process', p.process);
      cell(row, 'pid', p.pid > 0 ? String(p.pid) : '');
      cell(row, 'restarts', String(p.restarts));
      var exit = cell(row, 'last-exit', p.last_exit ? p.last_exit + ' at ' + p.last_exit_at.substring(11, 19) : '');
      if (p.failure_log) {
        var pre = document.createElement('pre');
        pre.className = 'failure';
        pre.textContent = p.failure_log;
        exit.appendChild(pre);
      }
      cell(row, 'since', p.since ? p.since.substring(11, 19) : '');
      body.appendChild(row);
    });
  }

  function drawChart(id, times, series) {
    var canvas = document.getElementById(id);
    var datasets = Object.keys(series).map(function (name, i) {
      return { label: name, data: series[name], borderColor: COLORS[i % COLORS.length],
               backgroundColor: COLORS[i % COLORS.length], pointRadius: 2, borderWidth: 2, spanGaps: true };
    });
    var labels = times.map(label);
    if (!charts[id]) {
      charts[id] = new Chart(canvas, {
        type: 'line', data: { labels: labels, datasets: datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
                   plugins: { legend: { labels: { boxWidth: 10, font: { size: 10 } } } },
                   scales: { y: { beginAtZero: true }, x: { ticks: { maxTicksLimit: 6 } } } }
      });
    } else {
      charts[id].data.labels = labels;
      charts[id].data.datasets = datasets;
      charts[id].update();
    }
    // for people and tests alike: how many points the chart actually placed on the canvas
    var chart = charts[id];
    var drawn = 0;
    chart.data.datasets.forEach(function (d, i) {
      chart.getDatasetMeta(i).data.forEach(function (el) {
        if (isFinite(el.x) && isFinite(el.y) && !el.skip) { drawn++; }
      });
    });
    canvas.setAttribute('data-points', String(drawn));
    canvas.setAttribute('data-series', String(datasets.length));
  }

  function refresh() {
    fetch('/api/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      drawStages(s.stages || []);
      drawProcesses(s.processes || []);
      var h = s.history;
      Object.keys(h.charts).forEach(function (id) {
        if (document.getElementById(id)) { drawChart(id, h.times, h.charts[id]); }
      });
      document.getElementById('updated').textContent = s.at ? 'last sample ' + s.at : 'waiting for the first sample';
      document.body.setAttribute('data-rendered', 'true');
    }).catch(function (e) {
      document.getElementById('updated').textContent = 'status server not answering: ' + e;
    });
  }

  refresh();
  setInterval(refresh, 5000);
})();
