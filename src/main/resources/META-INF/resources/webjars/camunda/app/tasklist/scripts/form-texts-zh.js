/*
 * Chinese for the texts of form-js, the renderer of Camunda Forms inside Tasklist 7.24.
 *
 * form-js has its own texts in English ("Select", "Search", "Field is required.") and no
 * way to give it others, so inside Chinese forms they stood out in English. This module,
 * listed in customScripts of scripts/config.js, watches the page and puts the Chinese
 * text in their place wherever form-js renders them: the placeholders of selects and
 * searches, the buttons' labels, the validation messages and the date picker. The forms'
 * own texts (labels, descriptions, options) are Chinese already and are not touched.
 *
 * An English browser (see docs/webapps.md) keeps form-js's English.
 */

const TEXTS = {
  'Select': '请选择',
  'Search': '搜索',
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱地址。',
  'Clear content': '清除',
  'Remove tag': '移除',
  'Date': '日期',
  'Time': '时间',
  'Increment': '增加',
  'Decrement': '减少',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Delete item': '删除此项',
  'Create new list item': '新增一项',
  'Toggle list item': '展开/收起',
  'Nothing to show.': '没有可显示的内容。',
  'No content to show.': '没有可显示的内容。',
  'Section contains an error': '此部分有错误',
  'Section contains data': '此部分已填写',
  'Submit': '提交',
  'Reset': '重置'
};

const PATTERNS = [
  [/^Field must have maximum length of (\d+)\.$/, '不能超过 $1 个字。'],
  [/^Field must have minimum length of (\d+)\.$/, '至少需要 $1 个字。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式不正确（应符合 $1）。'],
  [/^Field must be a valid\s+international phone number\..*$/, '请输入有效的国际电话号码（例如 +8613800000000）。']
];

// the date picker (flatpickr) inside form-js's date fields
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const WEEKDAYS = {'Sun': '日', 'Mon': '一', 'Tue': '二', 'Wed': '三', 'Thu': '四', 'Fri': '五', 'Sat': '六'};
MONTHS.forEach(function(month, i) {
  TEXTS[month] = (i + 1) + '月';
});

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

// where form-js and its date picker render
const SCOPE = '.fjs-container, .flatpickr-calendar';

function translated(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
    return text.replace(trimmed, TEXTS[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

function inScope(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest && element.closest(SCOPE));
}

function translateTextNode(node) {
  const element = node.parentElement;
  if (element && element.closest('.flatpickr-weekdaycontainer')) {
    const day = WEEKDAYS[node.data.trim()];
    if (day) {
      node.data = day;
    }
    return;
  }
  const text = translated(node.data);
  if (text !== null && text !== node.data) {
    node.data = text;
  }
}

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const text = translated(value);
      if (text !== null && text !== value) {
        element.setAttribute(name, text);
      }
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (inScope(root)) {
      translateTextNode(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const scopes = root.matches(SCOPE) || inScope(root) ? [root] : root.querySelectorAll(SCOPE);
  scopes.forEach(function(scope) {
    translateAttributes(scope);
    scope.querySelectorAll('[placeholder], [title], [aria-label]').forEach(translateAttributes);
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      translateTextNode(node);
    }
  });
}

function start() {
  new MutationObserver(function(mutations) {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateTree);
      }
      else if (mutation.type === 'characterData') {
        if (inScope(mutation.target)) {
          translateTextNode(mutation.target);
        }
      }
      else if (mutation.type === 'attributes' && inScope(mutation.target)) {
        translateAttributes(mutation.target);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  translateTree(document.body);
}

// English browsers keep form-js's own texts, as they keep the webapps' English
const english = (navigator.languages && navigator.languages[0] || navigator.language || '')
  .toLowerCase()
  .startsWith('en');
if (!english) {
  if (document.body) {
    start();
  }
  else {
    document.addEventListener('DOMContentLoaded', start);
  }
}

export default [];
