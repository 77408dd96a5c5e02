// The page of holiday arrangements (calendar.html), for admins: which years the working-day calendar
// knows, and a form to save a year (PUT /api/admin/calendar/{year}) with the webapps' session and its
// CSRF token.
(function () {
  'use strict';

  var page = window.OpinionPage;
  var HEADERS = page.HEADERS;
  var show = page.show;
  var escape = page.escape;

  var message = document.getElementById('message');
  var missing = document.getElementById('missing');
  var table = document.getElementById('years');
  var rows = table.querySelector('tbody');
  var editor = document.getElementById('editor');
  var result = document.getElementById('result');
  var yearInput = document.getElementById('year');
  var text = document.getElementById('arrangement');

  function render(status) {
    rows.textContent = '';
    status.knownYears.forEach(function (year) {
      var tr = document.createElement('tr');
      [year.year, year.source, year.holidays, year.makeUpWorkdays].forEach(function (value) {
        var td = document.createElement('td');
        td.textContent = value;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    table.hidden = false;
    editor.hidden = false;
    if (status.missingNextYear) {
      show(missing, '尚未录入 ' + status.missingNextYear + ' 年的节假日安排：该年的办理期限目前只按周末计算。'
        + '国务院办公厅发布通知后，请在下方录入。');
      if (!yearInput.value) {
        yearInput.value = status.missingNextYear;
        text.value = 'year ' + status.missingNextYear + '\n';
      }
    } else {
      missing.hidden = true;
    }
  }

  function load() {
    page.signedIn().then(function (signedIn) {
      if (!signedIn) {
        show(message, '请先登录：<a href="' + page.LOGIN + '">登录欢迎页</a>（使用管理员账号），然后回到本页。');
        return;
      }
      return fetch('/api/admin/calendar', { credentials: 'same-origin', headers: HEADERS }).then(function (response) {
        if (response.status === 403) {
          show(message, '仅管理员可查看和录入节假日安排。');
          return;
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json().then(render);
      });
    }).catch(function (error) {
      show(message, '读取失败（' + escape(error.message) + '），请刷新页面重试。', 'error');
    });
  }

  function save() {
    var year = yearInput.value;
    result.hidden = true;
    page.send('PUT', '/api/admin/calendar/' + encodeURIComponent(year), 'text/plain;charset=UTF-8', text.value)
      .then(function (answer) {
        var body = answer.body;
        if (!answer.ok) {
          show(result, '未保存：' + page.problem(body, answer.status), 'error');
          return;
        }
        var moved = body.deadlines.moved;
        var list = moved.map(function (m) {
          return escape(m.caseNo) + '（' + escape(m.stage) + '）：' + escape(m.from) + ' → ' + escape(m.to);
        }).join('<br>');
        show(result, '已保存 ' + escape(year) + ' 年的安排。检查了 ' + body.deadlines.checked + ' 个在办期限，重新计算了 '
          + body.deadlines.timers + ' 个提醒和督办时间；' + (moved.length ? '以下期限已调整：<br>' + list
          : '没有期限需要调整。'), 'ok');
        render(body.calendar);
      }).catch(function (error) {
        show(result, '保存失败（' + escape(error.message) + '）。', 'error');
      });
  }

  document.getElementById('save').addEventListener('click', save);
  load();
})();
