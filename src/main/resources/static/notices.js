// Notices for admins in every webapp (Welcome, Tasklist, Cockpit, Admin import it through their
// scripts/notices.js): from 1 November, while next year's holiday arrangement is missing, a bar at the
// top of the page links to the page where they add it (/calendar.html). Others see nothing: the
// calendar's status answers 403 to them.
const HEADERS = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
const SESSION = '/camunda/api/admin/auth/user/default';

function bar(year) {
  if (document.getElementById('opinion-calendar-notice')) {
    return;
  }
  const notice = document.createElement('div');
  notice.id = 'opinion-calendar-notice';
  notice.setAttribute('role', 'alert');
  notice.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:2000;padding:8px 16px;'
    + 'background:#fff3cd;border-top:1px solid #e0c36b;color:#333;font-size:14px;';
  notice.textContent = '尚未录入 ' + year + ' 年的节假日安排，该年的办理期限目前只按周末计算。';
  const link = document.createElement('a');
  link.href = '/calendar.html';
  link.textContent = '录入节假日安排';
  link.style.marginLeft = '8px';
  notice.appendChild(link);
  document.body.appendChild(notice);
}

async function check() {
  try {
    const session = await fetch(SESSION, { credentials: 'same-origin', headers: HEADERS });
    if (!session.ok) {
      return;
    }
    const status = await fetch('/api/admin/calendar', { credentials: 'same-origin', headers: HEADERS });
    if (status.ok) {
      const calendar = await status.json();
      if (calendar.missingNextYear) {
        bar(calendar.missingNextYear);
      }
    }
  }
  catch (error) {
    // no notice then
  }
}

// the webapps log in without reloading the page: look again until there is something to say
check();
window.addEventListener('hashchange', check);
const again = setInterval(() => {
  if (document.getElementById('opinion-calendar-notice')) {
    clearInterval(again);
  }
  else {
    check();
  }
}, 10000);
