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
 * Override of the webjar's tasklist/scripts/config.js (camunda-webapp-webjar 7.24.0), see docs/webapps.md.
 * Everything of the original is kept; added: app name and vendor, Simplified Chinese
 * (locales/zh.json), and Chinese for form-js's own texts inside the forms
 * (customScripts: scripts/form-texts-zh.js).
 *
 * Locale choice: the bootstrap takes the browser's first language (navigator.languages[0]),
 * keeps the part before "-" in lower case ("zh-CN" -> "zh") and looks it up in
 * availableLocales; anything not found gets fallbackLocale. So the code must be "zh", and
 * with fallbackLocale "zh" every browser language other than English shows Chinese.
 */

export default {
  // change the app name and vendor
  app: {
    name: '任务清单',
    vendor: '员工意见办理'
  },
  //
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
  customScripts: [
    // form-js's own texts ("Select", "Field is required.") in Chinese
    'scripts/form-texts-zh.js',
    // admins' notices, e.g. next year's holiday arrangement missing (/notices.js)
    'scripts/notices.js'
    // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
    // with a file called 'customScript.js' in it
    // 'my-custom-script/customScript'
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
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
