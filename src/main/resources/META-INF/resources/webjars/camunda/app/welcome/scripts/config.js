/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * Override of the webjar's welcome/scripts/config.js (camunda-webapp-webjar 7.24.0), see docs/webapps.md.
 * Everything of the original is kept; added: app name and vendor, Simplified Chinese
 * (locales/zh.json), and links to the case page (/case.html) and the admins' pages of sent mails
 * (/mails.html) and holiday arrangements (/calendar.html).
 *
 * Locale choice: the bootstrap takes the browser's first language (navigator.languages[0]),
 * keeps the part before "-" in lower case ("zh-CN" -> "zh") and looks it up in
 * availableLocales; anything not found gets fallbackLocale. So the code must be "zh", and
 * with fallbackLocale "zh" every browser language other than English shows Chinese.
 */

export default {
  app: {
    name: '欢迎',
    vendor: '员工意见办理'
  },
  customScripts: [
    // admins' notices, e.g. next year's holiday arrangement missing (/notices.js)
    'scripts/notices.js'
  ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // shown under 链接 on the welcome page (instead of Camunda's documentation link)
  links: [
    {
      label: '案件',
      href: '/case.html',
      description: '我能看到的案件：登记簿记录、退单和延期情况；上一级在此催办或调整办理期限'
    },
    {
      label: '已发送邮件',
      href: '/mails.html',
      description: '系统发出的办理提醒、督办和每日汇总邮件（仅管理员可查看）'
    },
    {
      label: '节假日安排',
      href: '/calendar.html',
      description: '工作日历的年份；录入或更正一年的节假日安排，在办案件的期限随之重新计算（仅管理员）'
    }
  ],
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
