// The page of sent mails (mails.html): a separate file, so that the page's
// Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  var KINDS = {
    HALF_WAY: '过半提醒',
    DAY_BEFORE: '到期前提醒',
    DUE_DAY: '到期日提醒',
    OVERDUE: '逾期督办',
    SECOND_ESCALATION: '再次督办',
    DIGEST: '每日汇总'
  };
  var LOGIN = '/camunda/app/welcome/default/';
  // the webapps' logged-in user of the engine "default": 200 with the user, 404 if nobody
  var SESSION = '/camunda/api/admin/auth/user/default';
  var REFRESH_MS = 10000;

  var table = document.getElementById('mails');
  var rows = table.querySelector('tbody');
  var message = document.getElementById('message');
  var status = document.getElementById('status');
  var detail = document.getElementById('detail');
  var selectedId = null;

  var timeFormat = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });

  function time(instant) {
    return instant ? timeFormat.format(new Date(instant)) : '';
  }

  function kind(code) {
    return KINDS[code] || code || '';
  }

  function cell(text, className) {
    var td = document.createElement('td');
    td.textContent = text || '';
    if (className) {
      td.className = className;
    }
    return td;
  }

  function show(mail, tr) {
    selectedId = mail.id;
    Array.prototype.forEach.call(rows.children, function (r) {
      r.classList.toggle('selected', r === tr);
    });
    document.getElementById('detail-subject').textContent = mail.subject || '';
    document.getElementById('detail-time').textContent = time(mail.sentAt);
    document.getElementById('detail-recipient').textContent = mail.recipient || '';
    document.getElementById('detail-kind').textContent = kind(mail.kind);
    document.getElementById('detail-case').textContent = mail.caseNo || '—';
    document.getElementById('detail-state').textContent = mail.stateLabel || '';
    document.getElementById('detail-message-id').textContent = mail.messageId || '—';
    document.getElementById('unknown').hidden = mail.state !== 'UNKNOWN';
    document.getElementById('resend-result').textContent = '';
    document.getElementById('resend').hidden = false;
    document.getElementById('body').textContent = mail.body || '';
    detail.hidden = false;
  }

  function render(mails) {
    rows.textContent = '';
    var stillThere = false;
    mails.forEach(function (mail) {
      var tr = document.createElement('tr');
      tr.dataset.id = mail.id;
      tr.appendChild(cell(time(mail.sentAt), 'time'));
      tr.appendChild(cell(mail.recipient));
      tr.appendChild(cell(kind(mail.kind)));
      tr.appendChild(cell(mail.caseNo));
      tr.appendChild(cell(mail.subject, 'subject'));
      tr.appendChild(cell(mail.stateLabel, 'state-' + mail.state));
      tr.addEventListener('click', function () {
        show(mail, tr);
      });
      rows.appendChild(tr);
      if (mail.id === selectedId) {
        stillThere = true;
        tr.classList.add('selected');
      }
    });
    if (!stillThere) {
      selectedId = null;
      detail.hidden = true;
    }
    table.hidden = mails.length === 0;
    status.textContent = (mails.length === 0 ? '还没有发送过邮件。' : '最近 ' + mails.length + ' 封，点击一行查看正文。')
      + '每 10 秒自动刷新（' + time(new Date().toISOString()) + '）。';
  }

  function refuse(html) {
    message.innerHTML = html;
    message.hidden = false;
    table.hidden = true;
    detail.hidden = true;
    status.textContent = '';
  }

  function askToLogIn() {
    refuse('请先登录：<a href="' + LOGIN + '">登录欢迎页</a>（使用管理员账号），然后回到本页。');
  }

  var JSON_REQUEST = {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  };

  /*
   * Asks the webapps first whether this browser is logged in: the application's API answers an
   * anonymous call with 401 and an HTTP Basic challenge, which would open the browser's own
   * password dialog instead of our message.
   */
  function load() {
    fetch(SESSION, JSON_REQUEST).then(function (response) {
      if (!response.ok) {
        askToLogIn();
        return;
      }
      return loadMails();
    }).catch(function (error) {
      status.textContent = '读取失败（' + error.message + '），稍后自动重试。';
    });
  }

  function loadMails() {
    return fetch('/api/admin/mails?limit=100', JSON_REQUEST).then(function (response) {
      if (response.status === 401) {
        askToLogIn();
        return;
      }
      if (response.status === 403) {
        refuse('仅管理员可查看');
        return;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json().then(function (mails) {
        message.hidden = true;
        render(mails);
      });
    });
  }

  document.getElementById('resend').addEventListener('click', function () {
    var result = document.getElementById('resend-result');
    if (selectedId === null || !window.confirm('确认已在邮件服务器日志中查过，这封邮件确实没有送达？')) {
      return;
    }
    result.textContent = '正在发送……';
    window.OpinionPage.send('POST', '/api/admin/mails/' + selectedId + '/resend', 'application/json', '{}')
      .then(function (answer) {
        if (answer.ok) {
          result.textContent = '已重新发送。';
          document.getElementById('resend').hidden = true;
          document.getElementById('detail-state').textContent = answer.body.stateLabel || '';
          document.getElementById('detail-time').textContent = time(answer.body.sentAt);
          load();
        } else {
          result.innerHTML = window.OpinionPage.problem(answer.body, answer.status);
        }
      }).catch(function (error) {
        result.textContent = '发送失败（' + error.message + '）';
      });
  });

  load();
  setInterval(load, REFRESH_MS);
})();
