// Draws the charts of a statistics page from its JSON data block; clicking a bar or slice opens the list behind it.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('stats-data');
  if (!source || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var rows = data[el.dataset.chart] || [];
    var chart = echarts.init(el);
    var type = el.dataset.type;
    var option;
    if (rows.labels) {
      // several series over the same labels: {labels, series: [{name, values, links}], stack, percent}
      var percent = !!rows.percent;
      option = {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : (percent ? v + '%' : v); } },
        // the legend keeps one line of its own above the plot (scrolling when the names are long, as in English)
        legend: { type: 'scroll', top: 0, left: 8, right: 8 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rows.labels, axisLabel: { interval: 0, rotate: rows.labels.length > 8 ? 30 : 0 } },
        yAxis: percent ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
        series: rows.series.map(function (s) {
          return {
            name: s.name, type: s.type || type, stack: rows.stack ? 'all' : undefined, connectNulls: true,
            data: s.values.map(function (v, i) { return { value: v, link: s.links ? s.links[i] : null }; })
          };
        })
      };
    } else if (type === 'pie') {
      option = {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map(function (r) { return { name: r.label, value: r.count, link: r.link }; }) }]
      };
    } else {
      option = {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rows.map(function (r) { return r.label; }), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: type, data: rows.map(function (r) { return { value: r.count, link: r.link }; }), itemStyle: { color: '#0d6efd' } }]
      };
    }
    chart.setOption(option);
    chart.on('click', function (p) { if (p.data && p.data.link) { window.location.href = p.data.link; } });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
