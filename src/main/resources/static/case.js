// The case page (case.html?caseNo=…): the register's entry, its timeline (案卷), its slips, and the level
// above's actions on the open deadline — urge and move the deadline — through the application's API.
(function () {
  'use strict';

  var page = window.OpinionPage;
  var DEADLINE_STAGES = ['departmentHandle', 'branchReportUp', 'committeeHandle'];
  var caseNo = new URLSearchParams(window.location.search).get('caseNo') || '';
  var api = '/api/opinions/' + encodeURIComponent(caseNo);
  var message = document.getElementById('message');

  function text(id, value) {
    document.getElementById(id).textContent = value == null ? '' : String(value);
  }

  function render(entry) {
    document.title = entry.caseNoDisplay + ' - 员工意见办理';
    text('title', '案件 ' + entry.caseNoDisplay);
    text('caseNo', entry.caseNoDisplay + '（' + entry.caseNo + '）');
    text('reporter', entry.reporterName + (entry.reporterUnit ? '，' + entry.reporterUnit : '') + '，' + entry.reportedOn + '反映');
    text('matter', entry.summary);
    text('stage', entry.struckOff ? '已销号（' + entry.struckOffOn + '）' : entry.stageLabel);
    var due = document.getElementById('due');
    due.textContent = entry.dueOn ? entry.dueOn + (entry.dueEstimated ? '（该年度节假日安排未载入，仅按周末计算）' : '') : '无时限';
    due.className = entry.overdue && entry.dueOn ? 'overdue' : '';
    text('counts', '退单' + entry.returnedCount + '次，延期' + entry.extendedCount + '次，补办' + entry.sentBackCount + '次');
    text('handling', entry.handlingOpinion);
    text('remarks', entry.remarks);
    document.getElementById('summary').hidden = false;
    document.getElementById('history').hidden = false;
    document.getElementById('actions').hidden = DEADLINE_STAGES.indexOf(entry.stage) < 0;
    renderDocuments(entry);
  }

  // the slips that exist: the assignment slip once issued to a department, the feedback slip once
  // the matter has a result; none after the personal data was removed
  function renderDocuments(entry) {
    var links = document.getElementById('documentLinks');
    links.textContent = '';
    var documents = [];
    if (!entry.personalDataRemovedOn && entry.route === 'ENTERPRISE' && entry.slipIssuedOn) {
      documents.push(['员工意见交办单（PDF，含存根联）', api + '/assignment-slip.pdf']);
    }
    if (!entry.personalDataRemovedOn && entry.resultOn) {
      documents.push(['员工意见办理情况反馈单（PDF，含存根联）', api + '/feedback-slip.pdf']);
    }
    documents.forEach(function (d) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.textContent = d[0];
      a.href = d[1];
      li.appendChild(a);
      links.appendChild(li);
    });
    document.getElementById('documents').hidden = documents.length === 0;
  }

  // last month's report for committee staff (their committee's) and the district (all committees);
  // others are refused, and see nothing of it
  function reports() {
    return fetch('/api/reports/monthly', { credentials: 'same-origin', headers: page.HEADERS }).then(function (response) {
      if (!response.ok) {
        return;
      }
      return response.json().then(function (report) {
        var month = report.month;
        var query = report.committeeCode ? '?committee=' + encodeURIComponent(report.committeeCode) + '&month=' + month
          : '?month=' + month;
        text('reportInfo', report.committeeCode
          ? report.committeeName + ' ' + month + '：' + (report.submittedAt ? '已上报' : '待上报，期限' + report.dueOn)
          : '全区 ' + month + '：' + report.reports.length + '个主管党（工）委的报告，已上报' + report.submitted + '个');
        document.getElementById('reportXlsx').href = '/api/reports/monthly' + query + '&format=xlsx';
        document.getElementById('reportPdf').href = '/api/reports/monthly' + query + '&format=pdf';
        document.getElementById('reports').hidden = false;
      });
    }).catch(function () {
      // no report to show
    });
  }

  // the register books the user may download, for the year chosen
  function books() {
    var year = document.getElementById('bookYear');
    var select = document.getElementById('bookOrg');
    function links() {
      var chosen = select.value;
      var query = '?orgCode=' + encodeURIComponent(chosen) + '&year=' + encodeURIComponent(year.value);
      document.getElementById('bookXlsx').href = '/api/register.xlsx' + query;
      document.getElementById('bookPdf').href = '/api/register.pdf' + query;
    }
    return get('/api/register/books').then(function (list) {
      if (!list.length) {
        return;
      }
      list.forEach(function (book) {
        var option = document.createElement('option');
        option.value = book.orgCode;
        option.textContent = book.orgName;
        select.appendChild(option);
      });
      year.value = list[0].year;
      year.max = list[0].year;
      select.addEventListener('change', links);
      year.addEventListener('input', links);
      links();
      document.getElementById('books').hidden = false;
    });
  }

  // the case file's timeline: every step, who, what they wrote, the deadline and whether it was kept
  function renderTimeline(timeline) {
    var rows = document.querySelector('#events tbody');
    rows.textContent = '';
    timeline.forEach(function (e) {
      var tr = document.createElement('tr');
      tr.dataset.kind = e.kind;
      var when = e.at ? new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : e.on;
      var kept = e.kept === true ? '按期' : (e.kept === false ? '逾期' : '');
      [when, e.label, e.actor, e.text, e.dueOn || '', kept].forEach(function (value, i) {
        var td = document.createElement('td');
        td.textContent = value == null ? '' : value;
        if (i === 5 && e.kept === false) {
          td.className = 'overdue';
        }
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
  }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: page.HEADERS }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var error = new Error(page.problem(body, response.status));
          error.status = response.status;
          throw error;
        }
        return body;
      });
    });
  }

  /**
   * The visit the case was opened from (走访日志), for those who may read the organization's
   * visits (its branch and admins; anyone else gets 404 and sees no row).
   */
  function visitOf(caseNo) {
    return fetch('/api/visits/of-case/' + encodeURIComponent(caseNo), { credentials: 'same-origin', headers: page.HEADERS })
      .then(function (response) {
        if (!response.ok) {
          return;
        }
        return response.json().then(function (v) {
          text('visit', v.visitedOn + ' ' + v.visitorName + (v.visitorPost ? '（' + v.visitorPost + '）' : '') +
            ' 走访 ' + v.employeeName + (v.found ? '：' + v.found : '') + '（走访记录第 ' + v.id + ' 号）');
          document.getElementById('visitRow').hidden = false;
        });
      }).catch(function () {
        // the case shows without its visit
      }).then(function () {
        document.getElementById('visitRow').dataset.checked = 'true';
      });
  }

  function load() {
    return page.signedIn().then(function (signedIn) {
      if (!signedIn) {
        page.show(message, '请先登录：<a href="' + page.LOGIN + '">登录欢迎页</a>，然后回到本页。');
        return;
      }
      return Promise.all([get(api), get(api + '/timeline')]).then(function (answers) {
        render(answers[0]);
        renderTimeline(answers[1]);
        return visitOf(answers[0].caseNo || caseNo);
      });
    }).catch(function (error) {
      page.show(message, error.message, 'error');
    });
  }

  function urge() {
    var result = document.getElementById('urgeResult');
    var said = document.getElementById('urgeMessage').value.trim();
    result.hidden = true;
    page.send('POST', api + '/urge', 'application/json', JSON.stringify({ message: said || null }))
      .then(function (answer) {
        if (!answer.ok) {
          page.show(result, '未催办：' + page.problem(answer.body, answer.status), 'error');
          return;
        }
        page.show(result, '已向' + page.escape(answer.body.recipients.join('、')) + '发送催办邮件（' + page.escape(answer.body.taskName)
          + '，期限' + page.escape(answer.body.dueOn) + '，' + page.escape(answer.body.remaining) + '）。', 'ok');
        load();
      }).catch(function (error) {
        page.show(result, '催办失败（' + page.escape(error.message) + '）。', 'error');
      });
  }

  function move() {
    var result = document.getElementById('moveResult');
    result.hidden = true;
    var body = { dueOn: document.getElementById('dueOn').value, reason: document.getElementById('reason').value };
    page.send('PUT', api + '/deadline', 'application/json', JSON.stringify(body)).then(function (answer) {
      if (!answer.ok) {
        page.show(result, '未调整：' + page.problem(answer.body, answer.status), 'error');
        return;
      }
      page.show(result, '办理期限已调整为' + page.escape(answer.body.dueOn) + '。', 'ok');
      load();
    }).catch(function (error) {
      page.show(result, '调整失败（' + page.escape(error.message) + '）。', 'error');
    });
  }

  // without a case number: the cases the user sees, newest first, a page at a time
  var listPage = 0;

  function list() {
    page.signedIn().then(function (signedIn) {
      if (!signedIn) {
        page.show(message, '请先登录：<a href="' + page.LOGIN + '">登录欢迎页</a>，然后回到本页。');
        return;
      }
      return get('/api/opinions?size=20&page=' + listPage).then(function (answer) {
        var rows = document.querySelector('#cases tbody');
        rows.textContent = '';
        answer.content.forEach(function (entry) {
          var tr = document.createElement('tr');
          tr.dataset.caseNo = entry.caseNo;
          var link = document.createElement('a');
          link.href = '/case.html?caseNo=' + encodeURIComponent(entry.caseNo);
          link.textContent = entry.caseNoDisplay;
          var first = document.createElement('td');
          first.appendChild(link);
          tr.appendChild(first);
          [entry.orgCode, entry.reporterName, entry.summary, entry.struckOff ? '已销号' : entry.stageLabel,
            entry.dueOn || ''].forEach(function (value) {
            var td = document.createElement('td');
            td.textContent = value == null ? '' : value;
            if (entry.overdue && !entry.struckOff && value === entry.dueOn) {
              td.className = 'overdue';
            }
            tr.appendChild(td);
          });
          rows.appendChild(tr);
        });
        text('pageInfo', '第' + (answer.page + 1) + '页，共' + Math.max(1, answer.totalPages) + '页（' + answer.totalElements + '件）');
        document.getElementById('previous').disabled = answer.page <= 0;
        document.getElementById('next').disabled = answer.page + 1 >= answer.totalPages;
        document.getElementById('list').hidden = false;
      }).then(function () {
        return listPage === 0 && !document.getElementById('bookOrg').options.length
          ? books().then(reports) : null;
      });
    }).catch(function (error) {
      page.show(message, error.message, 'error');
    });
  }

  document.getElementById('urgeButton').addEventListener('click', urge);
  document.getElementById('moveButton').addEventListener('click', move);
  document.getElementById('previous').addEventListener('click', function () { listPage--; list(); });
  document.getElementById('next').addEventListener('click', function () { listPage++; list(); });
  if (!caseNo) {
    text('title', '案件');
    list();
  } else {
    load();
  }
})();
