/*
 * A tab 案卷 on Cockpit's process instance page: the case's number, a link to its case file
 * (/case.html?caseNo=…, the timeline with every step, its slips and the actions of the level
 * above) and its slips as PDFs. The case number is the instance's business key; the instance is
 * read through the engine's REST API with the Cockpit session. See docs/documents.md.
 */

const HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

function link(text, href) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  return a;
}

async function render(node, { processInstanceId }) {
  node.textContent = '正在读取案件…';
  try {
    const response = await fetch('/camunda/api/engine/engine/default/process-instance/'
      + encodeURIComponent(processInstanceId), { credentials: 'same-origin', headers: HEADERS });
    if (!response.ok) {
      node.textContent = '读取案件失败（HTTP ' + response.status + '）';
      return;
    }
    const instance = await response.json();
    const caseNo = instance.businessKey;
    node.textContent = '';
    if (!caseNo) {
      node.textContent = '该流程实例没有案件编号。';
      return;
    }
    const list = document.createElement('ul');
    list.className = 'case-file-links';
    const api = '/api/opinions/' + encodeURIComponent(caseNo);
    [
      link('打开案卷（办理经过、文书、催办和调整期限）：' + caseNo, '/case.html?caseNo=' + encodeURIComponent(caseNo)),
      link('员工意见交办单（PDF）', api + '/assignment-slip.pdf'),
      link('员工意见办理情况反馈单（PDF）', api + '/feedback-slip.pdf')
    ].forEach((a) => {
      const li = document.createElement('li');
      li.appendChild(a);
      list.appendChild(li);
    });
    node.appendChild(list);
  } catch (error) {
    node.textContent = '读取案件失败：' + error.message;
  }
}

export default {
  id: 'opinion-case-file',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: { label: '案卷' },
  render
};
