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
    if (type === 'pie') {
      option = {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map(function (r) { return { name: r.label, value: r.count, link: r.link }; }) }]
      };
    } else {
      option = {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 16, bottom: 60 },
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
